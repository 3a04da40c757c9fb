import {
  array,
  defineLayout,
  deviceFunction,
  f32,
  i32,
  type KernelDefinition,
  kernel,
  u32,
  view,
} from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { analyseInRangeAccesses, checkKernel, launchMeetsRequirements } from '../src/index';

const analyse = (definition: KernelDefinition, dimension = 1) =>
  analyseInRangeAccesses(checkKernel(definition, { dimension }));

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
const sum = kernel('sum', { n: u32, x: array(f32, 'in'), total: array(f32) }, (acc, { n, x, total }) => {
  let partial = acc.f32(0);
  for (const i of acc.uniformElements(n)) partial += x[i];
  acc.atomicAdd(total, 0, partial);
});
const Points = defineLayout('Points', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'scalar', name: 'scale', elementType: f32 },
  { kind: 'arrayColumn', name: 'tags', elementType: i32, length: 2 },
]);

const nBelow = (extent: object) => ({ bound: { kind: 'scalarArgument', parameter: 'n' }, extent });

describe('the in-range analysis', () => {
  it('proves the loop variable of uniformElements(n) below n, so n <= length is all a launch must meet', () => {
    const { accesses, requirements } = analyse(saxpy);
    expect(accesses.size).toBe(3);
    expect(requirements).toEqual([
      nBelow({ kind: 'arrayLength', parameter: 'y' }),
      nBelow({ kind: 'arrayLength', parameter: 'x' }),
    ]);
  });

  it('proves a literal index, an atomic included, against 1 + the literal', () => {
    const { accesses, requirements } = analyse(sum);
    expect(accesses.size).toBe(2);
    expect(requirements).toEqual([
      nBelow({ kind: 'arrayLength', parameter: 'x' }),
      { bound: { kind: 'literal', value: 1 }, extent: { kind: 'arrayLength', parameter: 'total' } },
    ]);
  });

  it('tests the requirements with the values the kernel sees (u32 of the argument) and the lengths', () => {
    const { requirements } = analyse(saxpy);
    const args = (n: number, xLength: number) => ({ n, a: 2, x: { length: xLength }, y: { length: 8 } });
    expect(launchMeetsRequirements(requirements, args(8, 8))).toBe(true);
    expect(launchMeetsRequirements(requirements, args(0, 0))).toBe(true);
    expect(launchMeetsRequirements(requirements, args(8, 7))).toBe(false);
    expect(launchMeetsRequirements(requirements, args(9, 9))).toBe(false);
    // -1 is 2^32 - 1 to a u32 loop bound; 2^32 + 4 wraps to 4 as WebAssembly's i32 argument does.
    expect(launchMeetsRequirements(requirements, args(-1, 8))).toBe(false);
    expect(launchMeetsRequirements(requirements, args(2 ** 32 + 4, 8))).toBe(true);
    expect(launchMeetsRequirements(requirements, { n: 4, a: 2, y: { length: 8 } })).toBe(false);
  });

  it('leaves computed indices, thread indices and accesses in device functions unproven', () => {
    const shifted = kernel('shifted', { n: u32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, x, y }) => {
      for (const i of acc.uniformElements(n)) y[i] = x[i + 1];
    });
    const byThread = kernel('byThread', { y: array(f32) }, (acc, { y }) => {
      y[acc.getIdx('grid', 'threads')[0]] = 1;
    });
    const store = deviceFunction('store', { values: array(f32), at: u32 }, undefined, (_acc, { values, at }) => {
      values[at] = 1;
    });
    const throughFunction = kernel('throughFunction', { n: u32, y: array(f32), store }, (acc, { n, y, store }) => {
      for (const i of acc.uniformElements(n)) store(y, i);
    });
    const shiftedAnalysis = analyse(shifted);
    expect(shiftedAnalysis.accesses.size).toBe(1);
    expect(shiftedAnalysis.requirements).toEqual([nBelow({ kind: 'arrayLength', parameter: 'y' })]);
    expect(analyse(byThread).accesses.size).toBe(0);
    expect(analyse(throughFunction).accesses.size).toBe(0);
  });

  it('does not take an assigned argument, a local or a shadowing name for the launch value', () => {
    const assigned = kernel('assigned', { n: u32, y: array(f32) }, (acc, { n, y }) => {
      n = n + 1;
      for (const i of acc.uniformElements(n)) y[i] = 1;
    });
    const local = kernel('local', { n: u32, y: array(f32) }, (acc, { n, y }) => {
      const m = n * 2;
      for (const i of acc.uniformElements(m)) y[i] = 1;
    });
    const shadowed = kernel('shadowed', { n: u32, y: array(f32) }, (acc, { n, y }) => {
      for (const i of acc.uniformElements(n)) {
        const n = acc.u32(i * 2);
        for (const j of acc.independentGroupElements(n)) y[j] = 1;
        y[i] = 2;
      }
    });
    expect(analyse(assigned).accesses.size).toBe(0);
    expect(analyse(local).accesses.size).toBe(0);
    const shadowedAnalysis = analyse(shadowed);
    expect(shadowedAnalysis.accesses.size).toBe(1);
    expect(shadowedAnalysis.requirements).toEqual([nBelow({ kind: 'arrayLength', parameter: 'y' })]);
  });

  it('proves view columns below the view size by construction, and a scalar field at index 0', () => {
    const fill = kernel('fill', { points: view(Points) }, (acc, { points }) => {
      for (const i of acc.uniformElements(points.size)) {
        points.x[i] = 1;
        points.tags[i] = 2;
        points.tags[2 * i + 1] = 3;
      }
      points.scale = 4;
    });
    const { accesses, requirements } = analyse(fill);
    expect(accesses.size).toBe(3);
    expect(requirements).toEqual([]);
    const byArgument = kernel('byArgument', { n: u32, points: view(Points) }, (acc, { n, points }) => {
      for (const i of acc.uniformElements(n)) points.tags[i] = 2;
    });
    expect(analyse(byArgument).requirements).toEqual([
      nBelow({ kind: 'viewSize', parameter: 'points', multiplier: 2 }),
    ]);
  });

  it('proves static shared arrays against their length, loops nested in loops, and ND indices per axis', () => {
    const tiled = kernel('tiled', { y: array(f32) }, (acc, { y }) => {
      const tile = acc.sharedArray('f32', 4);
      for (const i of acc.independentGroupElements(4)) tile[i] = i;
      for (const i of acc.independentGroupElements(8)) tile[i] = i;
      for (const i of acc.uniformElements(4)) y[i] = tile[i];
    });
    const tiledAnalysis = analyse(tiled);
    expect(tiledAnalysis.accesses.size).toBe(3);
    expect(tiledAnalysis.requirements).toEqual([
      { bound: { kind: 'literal', value: 4 }, extent: { kind: 'arrayLength', parameter: 'y' } },
    ]);
    const nested = kernel('nested', { n: u32, y: array(f32) }, (acc, { n, y }) => {
      for (const i of acc.uniformElements(n)) for (const j of acc.independentGroupElements(i)) y[j] = 1;
    });
    expect(analyse(nested).requirements).toEqual([nBelow({ kind: 'arrayLength', parameter: 'y' })]);
    const grid = kernel('grid', { rows: u32, columns: u32, y: array(f32) }, (acc, { rows, columns, y }) => {
      for (const index of acc.uniformElementsND([rows, columns])) y[index[1]] = y[index[0] * columns + index[1]];
    });
    const gridAnalysis = analyse(grid, 2);
    expect(gridAnalysis.accesses.size).toBe(1);
    expect(gridAnalysis.requirements).toEqual([
      { bound: { kind: 'scalarArgument', parameter: 'columns' }, extent: { kind: 'arrayLength', parameter: 'y' } },
    ]);
  });
});
