import { array, f32, i32, type KernelDefinition, kernel, u32 } from '@alpaka-ts/interface';
import { HostHeap } from '@alpaka-ts/interface/backend';
import { describe, expect, it } from 'vitest';
import { analyseInRangeAccesses, checkKernel, compileWebAssemblyKernel, webAssemblyEmitter } from '../src/index';
import { runCompiled } from './run-compiled';

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
// y[i] is proven, x[i + 1] is not: the unguarded variant keeps that one guard.
const shifted = kernel('shifted', { n: u32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = x[i + 1] + 1;
});
const byOffset = kernel('byOffset', { offset: i32, y: array(f32) }, (acc, { offset, y }) => {
  y[acc.i32(acc.getIdx('grid', 'threads')[0]) + offset] += 1;
});

/** Runs through both CPU emitters on copies of the same arrays; returns both results and the variant. */
function bothEmitters(definition: KernelDefinition, scalars: Record<string, number>, arrays: Record<string, number[]>) {
  const make = () =>
    Object.fromEntries(Object.entries(arrays).map(([name, values]) => [name, new Float32Array(values)]));
  const javaScript = make();
  const webAssembly = make();
  runCompiled(definition, { ...scalars, ...javaScript }, { blocks: 2, elements: 4, target: 'javascript' });
  const variant = runCompiled(
    definition,
    { ...scalars, ...webAssembly },
    { blocks: 2, elements: 4, target: 'webassembly' },
  );
  const plain = (values: Record<string, Float32Array>) =>
    Object.fromEntries(Object.entries(values).map(([name, typed]) => [name, [...typed]]));
  return { javaScript: plain(javaScript), webAssembly: plain(webAssembly), variant };
}

describe('the unguarded WebAssembly variant', () => {
  it('runs a launch whose requirements hold, with the guarded results', () => {
    const run = bothEmitters(saxpy, { n: 8, a: 2 }, { x: [1, 2, 3, 4, 5, 6, 7, 8], y: new Array(8).fill(1) });
    expect(run.variant).toBe('unguarded');
    expect(run.webAssembly).toEqual(run.javaScript);
    expect(run.webAssembly.y).toEqual([3, 5, 7, 9, 11, 13, 15, 17]);
  });

  it('is not run when n exceeds a length: the guarded variant drops the stores and reads 0, as JavaScript does', () => {
    const run = bothEmitters(saxpy, { n: 8, a: 2 }, { x: [1, 2, 3, 4, 5, 6, 7, 8], y: [1, 1, 1, 1, 1] });
    expect(run.variant).toBe('guarded');
    expect(run.webAssembly).toEqual(run.javaScript);
    expect(run.webAssembly.y).toEqual([3, 5, 7, 9, 11]);
    const shortX = bothEmitters(saxpy, { n: 8, a: 2 }, { x: [1, 2, 3], y: new Array(8).fill(1) });
    expect(shortX.variant).toBe('guarded');
    expect(shortX.webAssembly).toEqual(shortX.javaScript);
    expect(shortX.webAssembly.y).toEqual([3, 5, 7, 1, 1, 1, 1, 1]);
  });

  it('keeps the guard of an unproven access: x[i + 1] past the end reads 0', () => {
    const run = bothEmitters(shifted, { n: 4 }, { x: [1, 2, 3, 4], y: [0, 0, 0, 0] });
    expect(run.variant).toBe('unguarded');
    expect(run.webAssembly).toEqual(run.javaScript);
    expect(run.webAssembly.y).toEqual([3, 4, 5, 1]);
  });

  it('does not exist for a kernel without a proven access, nor in bounds-checked mode', () => {
    const heap = new HostHeap(1);
    expect(compileWebAssemblyKernel(byOffset, 1, undefined, heap.memory).launchRequirements).toBeUndefined();
    const run = bothEmitters(byOffset, { offset: 7 }, { y: new Array(8).fill(0) });
    expect(run.variant).toBe('guarded');
    expect(run.webAssembly).toEqual(run.javaScript);
    expect(run.webAssembly.y).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(compileWebAssemblyKernel(saxpy, 1, undefined, heap.memory).launchRequirements).toHaveLength(2);
    expect(compileWebAssemblyKernel(saxpy, 1, undefined, heap.memory, true).launchRequirements).toBeUndefined();
  });

  it('is the guarded code without the tests of the proven accesses', () => {
    const ir = checkKernel(saxpy, { dimension: 1 });
    const guarded = webAssemblyEmitter.emit(ir, { dimension: 1 });
    const unguarded = webAssemblyEmitter.emit(ir, {
      dimension: 1,
      unguardedAccesses: analyseInRangeAccesses(ir).accesses,
    });
    expect(unguarded.bytes.length).toBeLessThan(guarded.bytes.length);
    // Bounds checks win: the checked variant tests every access whatever it is told.
    const checked = webAssemblyEmitter.emit(ir, { dimension: 1, boundsChecks: true });
    const checkedAnyway = webAssemblyEmitter.emit(ir, {
      dimension: 1,
      boundsChecks: true,
      unguardedAccesses: analyseInRangeAccesses(ir).accesses,
    });
    expect(checkedAnyway.bytes).toEqual(checked.bytes);
  });
});
