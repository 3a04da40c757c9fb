import { createGpuBackend, type GpuDevice } from '@alpaka-ts/gpu-kit';
import { h200, type StandInAddonOptions, standInGpuAddon } from '@alpaka-ts/gpu-kit/testing';
import { allocBuf, array, Device, divideUpBy, f32, i32, kernel, makeWorkDiv, u32 } from '@alpaka-ts/interface';
import { beforeAll, describe, expect, it } from 'vitest';
import { cudaVendor } from '../src/cuda-backend';

// The kernels compiled here must not land in the user's cache.
beforeAll(() => {
  process.env.ALPAKA_TS_CACHE_DIR = 'off';
});

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});

const reverse = kernel(
  'reverse',
  { size: u32, data: array(i32) },
  (acc, { size, data }) => {
    const shared = acc.dynamicSharedArray('i32');
    for (const element of acc.independentGroupElements(size)) shared[element] = data[element];
    acc.syncBlockThreads();
    for (const element of acc.independentGroupElements(size)) data[element] = shared[size - 1 - element];
  },
  { dynamicSharedMemoryBytes: (_division, { size }) => size * 4 },
);

// The GPU kit's stand-in addon as CUDA on an H200 (32-wide warps, dynamic shared memory opt-in above 48 KiB).
function setUp(options: Omit<StandInAddonOptions, 'device'> = {}) {
  const standIn = standInGpuAddon({ ...options, device: h200 });
  const cuda = createGpuBackend(cudaVendor, () => standIn.runtime);
  const device = Device.of(cuda.backend.platform().devices()[0] as GpuDevice);
  return { ...standIn, cuda, device };
}

describe('cuda_async over the stand-in addon (no NVIDIA GPU here)', () => {
  it('compiles for the device architecture with NVRTC options, and launches with the arguments packed as CUDA takes them', async () => {
    const { cuda, device, compiled, launches } = setUp();
    const x = allocBuf(device, f32, 1000);
    const y = allocBuf(device, f32, 1000);
    await device
      .createQueue()
      .exec(makeWorkDiv(cuda.acc1D, divideUpBy(1000, 256), 256), saxpy, { n: 1000, a: 2.5, x, y });
    expect(compiled).toEqual([
      { name: 'saxpy.cu', options: ['--fmad=false', '--gpu-architecture=sm_90', '-std=c++17'] },
    ]);
    const launch = launches[0];
    if (!launch) throw new Error('no launch');
    expect([launch.entry, launch.device, launch.grid, launch.block, launch.sharedBytes]).toEqual([
      'saxpy_1d_1e',
      0,
      [4, 1, 1],
      [256, 1, 1],
      0,
    ]);
    const [n, a, xPointer, yPointer, elements] = launch.parameters;
    expect(n?.getUint32(0, true)).toBe(1000);
    expect(a?.getFloat32(0, true)).toBe(2.5);
    expect(xPointer?.getBigUint64(0, true)).toBe(0x7f10_0000_0000n);
    expect(yPointer?.getBigUint64(0, true)).toBe(0x7f10_0000_1000n);
    expect(elements?.getUint32(0, true)).toBe(1);
  });

  it('opts a kernel in to more than 48 KiB of dynamic shared memory before launching with it', async () => {
    const { cuda, device, calls, launches } = setUp();
    const data = allocBuf(device, i32, 16384);
    await device.createQueue().exec(makeWorkDiv(cuda.acc1D, 1, 256), reverse, { size: 16384, data });
    expect(launches[0]?.sharedBytes).toBe(65536);
    const optIn = calls.findIndex((call) => call.startsWith('opt in reverse_1d_1e to 65536'));
    expect(optIn).toBeGreaterThanOrEqual(0);
    expect(optIn).toBeLessThan(calls.findIndex((call) => call.startsWith('launch reverse_1d_1e')));
  });
});
