import {
  array,
  computeLayout,
  constant,
  defineLayout,
  deviceFunction,
  f32,
  f64,
  i8,
  kernel,
  u32,
  view,
} from '@alpaka-ts/interface';
import { type KernelLaunchV1, kernelShapeOf } from '@alpaka-ts/interface/backend';
import { checkKernel } from '@alpaka-ts/kernel-compiler';
import { describe, expect, it } from 'vitest';
import { DeviceMemory } from '../src/gpu-memory';
import { LaunchPlan } from '../src/index';

const mixed = kernel(
  'mixed',
  { flag: i8, scale: f64, x: array(f32, 'in'), n: u32, out: array(f32) },
  (acc, { flag, scale, x, n, out }) => {
    for (const i of acc.uniformElementsAlong(1, n)) {
      acc.check(flag !== 0, 1);
      out[i] = x[i] * scale;
    }
  },
);

const fakeDevice = { name: 'fake GPU' } as never;

describe('the launch plan', () => {
  const plan = new LaunchPlan(kernelShapeOf(mixed), 2, checkKernel(mixed, { dimension: 2 }).usesChecks);

  it('lays the signature out at natural alignment, then elements per axis, then the check buffer', () => {
    // flag i8 @0, scale f64 @8, x pointer @16, n u32 @24, out pointer @32, elements0 @40, elements1 @44, checks @48
    expect([...plan.offsets]).toEqual([0, 8, 16, 24, 32, 40, 44, 48]);
    expect(plan.arguments.byteLength).toBe(56);
  });

  it('writes scalars in their C representation and pointers with the buffer offset', () => {
    const block = (pointer: bigint) => ({ pointer, bytes: 1024, bin: 10 });
    const x = new DeviceMemory(fakeDevice, 0, 1024, block(0x7f0000001000n), undefined);
    const out = new DeviceMemory(fakeDevice, 0, 1024, block(0x7f0000002000n), undefined);
    const checks = new DeviceMemory(fakeDevice, 0, 8, block(0x7f0000003000n), undefined);
    const region = (memory: DeviceMemory, byteOffset: number) => ({
      kind: 'array' as const,
      memory,
      byteOffset,
      length: 4,
      elementType: f32,
    });
    const launch = {
      kernel: mixed,
      workDivision: { blocksPerGrid: [2, 3], threadsPerBlock: [4, 8], elementsPerThread: [1, 2] },
      arguments: { flag: -3, scale: 0.5, x: region(x, 16), n: 77, out: region(out, 0) },
      dynamicSharedMemoryBytes: 0,
      checkBuffer: region(checks, 0),
    } as unknown as KernelLaunchV1;
    plan.write(launch, 42n);
    const view = plan.arguments;
    expect(view.getInt8(0)).toBe(-3);
    expect(view.getFloat64(8, true)).toBe(0.5);
    expect(view.getBigUint64(16, true)).toBe(0x7f0000001010n);
    expect(view.getUint32(24, true)).toBe(77);
    expect(view.getBigUint64(32, true)).toBe(0x7f0000002000n);
    expect([view.getUint32(40, true), view.getUint32(44, true)]).toEqual([1, 2]);
    expect(view.getBigUint64(48, true)).toBe(0x7f0000003000n);
    // Every buffer the launch uses now has that stream as its last user (for the caching allocator).
    expect([x, out, checks].map((memory) => memory.usage.lastStream)).toEqual([42n, 42n, 42n]);
  });
});

describe('the launch plan built from a signature', () => {
  const scaleBy = deviceFunction('scaleBy', { v: f32, k: f32 }, f32, (_acc, { v, k }) => v * k);
  const everyKind = kernel(
    'everyKind',
    { n: u32, width: constant(u32), scaleBy, x: array(f32), flag: i8 },
    (acc, { n, width, scaleBy, x, flag }) => {
      for (const i of acc.uniformElements(n)) if (flag !== 0 && i < width) x[i] = scaleBy(x[i], 2);
    },
  );

  it('passes exactly the parameters the compiled kernel declares, in its order', () => {
    // The plan reads the signature so a kernel loaded from the disk cache needs no compiler run; it must
    // agree with what the compiler makes the C++ entry take (specialised constants and device functions not).
    const ir = checkKernel(everyKind, { dimension: 1, constants: { width: 8 } });
    const plan = new LaunchPlan(kernelShapeOf(everyKind), 1, ir.usesChecks);
    const passed = ir.parameters
      .filter((parameter) => parameter.value === undefined)
      .map((parameter) => parameter.name);
    expect(plan.slots.flatMap((slot) => ('name' in slot ? [slot.name] : []))).toEqual(passed);
    expect(passed).toEqual(['n', 'x', 'flag']);
  });
});

const Tracks = defineLayout('Tracks', [
  { kind: 'column', name: 'pt', elementType: f32 },
  { kind: 'scalar', name: 'count', elementType: u32 },
  { kind: 'matrixColumn', name: 'covariance', elementType: f64, rows: 2, columns: 2 },
]);

const withView = kernel('withView', { n: u32, tracks: view(Tracks) }, (acc, { n, tracks }) => {
  for (const i of acc.uniformElements(n)) tracks.pt[i] = tracks.covariance(1, 1)[i];
});

describe('the launch plan of a view argument', () => {
  const plan = new LaunchPlan(kernelShapeOf(withView), 1, checkKernel(withView, { dimension: 1 }).usesChecks);

  it('passes the view as one struct: field pointers, matrix strides, size, 8-byte aligned', () => {
    // n u32 @0, the struct @8 (3 pointers, 1 stride, size: 32 bytes), elements0 @40
    expect([...plan.offsets]).toEqual([0, 8, 40]);
    expect(plan.arguments.byteLength).toBe(48);
  });

  it('writes each field at the address CMSSW lays it out at', () => {
    const memory = new DeviceMemory(
      fakeDevice,
      0,
      1 << 16,
      { pointer: 0x7f0000010000n, bytes: 1 << 16, bin: 16 },
      undefined,
    );
    const layout = computeLayout(Tracks, 40);
    const launch = {
      kernel: withView,
      workDivision: { blocksPerGrid: [1], threadsPerBlock: [64], elementsPerThread: [1] },
      arguments: { n: 40, tracks: { kind: 'view', memory, byteOffset: 256, layout } },
      dynamicSharedMemoryBytes: 0,
      checkBuffer: undefined,
    } as unknown as KernelLaunchV1;
    plan.write(launch, 7n);
    const data = plan.arguments;
    const base = 0x7f0000010000n + 256n;
    expect(data.getBigUint64(8, true)).toBe(base + BigInt(layout.field('pt').offset));
    expect(data.getBigUint64(16, true)).toBe(base + BigInt(layout.field('count').offset));
    expect(data.getBigUint64(24, true)).toBe(base + BigInt(layout.field('covariance').offset));
    // 40 f64 = 320 bytes, padded to 384: coefficients are 48 elements apart.
    expect(data.getUint32(32, true)).toBe(48);
    expect(data.getUint32(36, true)).toBe(40);
    expect(memory.usage.lastStream).toBe(7n);
  });
});

describe('the launch record', () => {
  it('carries the function, device, parameter count and where the arguments start, beside the offsets', () => {
    const plan = new LaunchPlan(kernelShapeOf(mixed), 2, true);
    plan.bind(0x7f12_3456_789a, 3);
    const words = new Uint32Array(plan.record, 0, 16);
    expect(words[0] + words[1] * 2 ** 32).toBe(0x7f12_3456_789a);
    expect(words[4]).toBe(3);
    expect(words[12]).toBe(plan.offsets.length);
    // The header's 64 bytes, 8 offsets (32 bytes), then the arguments.
    expect(words[13]).toBe(96);
    expect(plan.arguments.byteOffset).toBe(96);
    expect([...new Uint32Array(plan.record, 64, 8)]).toEqual([...plan.offsets]);
  });

  it('refuses a kernel with more parameters than one launch can pass', () => {
    const signature = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`p${index}`, u32]));
    const tooMany = kernel('tooMany', signature, () => {});
    expect(() => new LaunchPlan(kernelShapeOf(tooMany), 1, false)).toThrow(/at most 64 parameters.*needs 66/);
  });
});
