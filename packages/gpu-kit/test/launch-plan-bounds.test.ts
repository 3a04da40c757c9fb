import {
  array,
  constant,
  defineLayout,
  deviceFunction,
  f32,
  f64,
  i8,
  i32,
  type KernelSourceV1,
  kernel,
  u8,
  u32,
  view,
} from '@alpaka-ts/interface';
import { kernelShapeOf } from '@alpaka-ts/interface/backend';
import { checkKernel, emitCpp } from '@alpaka-ts/kernel-compiler';
import { describe, expect, it } from 'vitest';
import { LaunchPlan } from '../src/index';
import { scalarSizes } from '../src/launch-slots';

const Hits = defineLayout('BoundsHits', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'scalar', name: 'count', elementType: u32 },
]);
const addTo = deviceFunction('addTo', { a: array(f32), i: u32, v: f32 }, undefined, (_acc, { a, i, v }) => {
  a[i] = a[i] + v;
});

// Kernels of every parameter kind: scalars of each size, arrays in and out, a view, constant(), a device
// function, acc.check (the check buffer), dynamic shared memory, 1 to 3 dimensions.
const kernels: { kernel: KernelSourceV1; dimension: number; constants?: Record<string, number> }[] = [
  {
    kernel: kernel('saxpyChecked', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
      for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
    }),
    dimension: 1,
  },
  {
    kernel: kernel(
      'mixedChecked',
      { flag: i8, scale: f64, x: array(f32, 'in'), hits: view(Hits), width: constant(u32), addTo, out: array(i32) },
      (acc, { flag, scale, x, hits, width, addTo, out }) => {
        for (const i of acc.uniformElementsAlong(1, hits.size)) {
          acc.check(flag !== 0, 1);
          if (i < width) addTo(hits.x, i, x[i] * scale);
          out[i] = flag;
        }
      },
    ),
    dimension: 2,
    constants: { width: 8 },
  },
  {
    kernel: kernel('sharedChecked', { small: u8, data: array(u32) }, (acc, { small, data }) => {
      const tile = acc.dynamicSharedArray('u32');
      for (const i of acc.uniformElementsAlong(2, 4)) tile[i] = data[i] + small;
    }),
    dimension: 3,
  },
];

const cSizes: Record<string, number> = {
  bool: 1,
  int8_t: 1,
  uint8_t: 1,
  int16_t: 2,
  uint16_t: 2,
  int32_t: 4,
  uint32_t: 4,
  float: 4,
  double: 8,
};

/** The entry's declared parameters, from the emitted C++: [type, name]. */
function declaredParameters(code: string, entry: string): [string, string][] {
  const match = new RegExp(`extern "C" __global__ void ${entry}\\(([^)]*)\\)`).exec(code);
  if (!match?.[1]) throw new Error(`no entry ${entry} in the emitted code`);
  return match[1].split(', ').map((declaration) => {
    const at = declaration.lastIndexOf(' ');
    return [declaration.slice(0, at), declaration.slice(at + 1)];
  });
}

describe('the launch plan of a bounds-checked kernel', () => {
  for (const { kernel: definition, dimension, constants } of kernels) {
    it(`passes exactly what the checked C++ entry of '${definition.name}' (${dimension}D) declares, in its order`, () => {
      const ir = checkKernel(definition, { dimension, constants });
      for (const dialect of ['cuda', 'hip'] as const) {
        const emitted = emitCpp(ir, dimension, dialect, false, true);
        expect(emitted.entry).toMatch(/_bc/);
        const plan = new LaunchPlan(kernelShapeOf(definition), dimension, ir.usesChecks, true);
        const declared = declaredParameters(emitted.code, emitted.entry);
        expect(plan.slots).toHaveLength(declared.length);
        // The hidden parameters, kind by kind, after the signature's.
        const hidden = plan.slots.filter((slot) => !('name' in slot)).map((slot) => slot.kind);
        expect(hidden).toEqual(emitted.hiddenParameters);
        const lengths = plan.slots.flatMap((slot) => (slot.kind === 'length' ? [slot.array] : []));
        expect(lengths).toEqual(emitted.lengthParameters);
        // Each slot has the declared parameter's size (pointers 8, u32 4, …) at its natural alignment.
        plan.slots.forEach((slot, index) => {
          const [type, name] = declared[index] ?? ['', ''];
          if (slot.kind === 'view') expect(type).toMatch(/^alpaka_view_/);
          else if (slot.kind === 'pointer' || slot.kind === 'checks' || slot.kind === 'bounds')
            expect(type).toMatch(/\*$/);
          else if (slot.kind === 'scalar') expect(cSizes[type]).toBe(scalarSizes[slot.type]);
          else expect(type).toBe('uint32_t');
          if (slot.kind === 'bounds') expect(name).toBe('alpaka_bounds');
          if (slot.kind === 'dynamicSharedBytes') expect(name).toBe('alpaka_dynamic_shared_bytes');
          if (slot.kind === 'length') expect(name).toMatch(/_length$/);
        });
      }
    });
  }

  it('leaves an unchecked plan as it was: no bounds record, no lengths', () => {
    const definition = kernels[0]?.kernel as KernelSourceV1;
    const unchecked = new LaunchPlan(kernelShapeOf(definition), 1, false);
    expect(unchecked.slots.map((slot) => slot.kind)).toEqual(['scalar', 'scalar', 'pointer', 'pointer', 'elements']);
    const checked = new LaunchPlan(kernelShapeOf(definition), 1, false, true);
    expect(checked.slots.slice(5).map((slot) => slot.kind)).toEqual([
      'bounds',
      'dynamicSharedBytes',
      'length',
      'length',
    ]);
  });

  it('writes the record address, the dynamic shared bytes and each array length', () => {
    const definition = kernels[0]?.kernel as KernelSourceV1;
    const plan = new LaunchPlan(kernelShapeOf(definition), 1, false, true);
    plan.writeBoundsRecord(0x7f00_0000_4000, 1024);
    const at = (kind: string) => plan.slots.find((slot) => slot.kind === kind)?.offset ?? -1;
    expect(plan.arguments.getBigUint64(at('bounds'), true)).toBe(0x7f00_0000_4000n);
    expect(plan.arguments.getUint32(at('dynamicSharedBytes'), true)).toBe(1024);
  });
});
