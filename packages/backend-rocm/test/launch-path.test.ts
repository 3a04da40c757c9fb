import { createGpuBackend, type GpuDevice } from '@alpaka-ts/gpu-kit';
import { mi250x, type StandInAddonOptions, standInGpuAddon } from '@alpaka-ts/gpu-kit/testing';
import {
  AlpakaError,
  allocBuf,
  array,
  Device,
  divideUpBy,
  f32,
  f64,
  fill,
  host,
  i16,
  i32,
  kernel,
  makeWorkDiv,
  memcpy,
  memset,
  u32,
  WorkDivisionError,
} from '@alpaka-ts/interface';
import { beforeAll, describe, expect, it } from 'vitest';
import { rocmVendor } from '../src/rocm-backend';

// The kernels compiled here must not land in the user's cache.
beforeAll(() => {
  process.env.ALPAKA_TS_CACHE_DIR = 'off';
});

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});

const mixed = kernel('mixed', { flag: i16, scale: f64, out: array(f32) }, (acc, { flag, scale, out }) => {
  for (const i of acc.uniformElements(4)) out[i] = flag * scale;
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

// The GPU kit's stand-in addon as HIP on an MI250X (64-wide warps, no dynamic shared memory opt-in).
function setUp(options: Omit<StandInAddonOptions, 'device'> = {}) {
  const fake = standInGpuAddon({ ...options, device: mi250x });
  const rocm = createGpuBackend(rocmVendor, () => fake.runtime);
  const device = Device.of(rocm.backend.platform().devices()[0] as GpuDevice);
  return { ...fake, rocm, device };
}

describe('rocm_async over a stand-in HIP addon (no AMD GPU here)', () => {
  it("reports the device's gfx target and its 64-wide warps, and HIP's limits", () => {
    const { rocm, device } = setUp();
    expect(rocm.backend.probe()).toEqual({
      available: true,
      reason: expect.stringContaining('gfx90a:sramecc+:xnack-, warp 64'),
    });
    expect(device.implementation.warpSizes).toEqual([64]);
    expect(device.name).toBe('AMD Instinct MI250X');
    expect(rocm.backend.platform().name).toBe('rocm');
    expect(rocm.backend.limits(device.implementation)).toEqual({
      maxBlocksPerGrid: [65536, 65536, 2147483647],
      maxThreadsPerBlock: [1024, 1024, 1024],
      maxThreadsPerBlockTotal: 1024,
      maxElementsPerThread: 0xffffffff,
      maxDynamicSharedMemoryBytes: 65536,
    });
  });

  it('compiles for the device target with hiprtc options, and launches with the arguments packed as HIP takes them', async () => {
    const { rocm, device, compiled, launches, calls } = setUp();
    const queue = device.createQueue();
    const x = allocBuf(device, f32, 1000);
    const y = allocBuf(device, f32, 1000);
    await queue.exec(makeWorkDiv(rocm.acc1D, divideUpBy(1000, 256), 256), saxpy, { n: 1000, a: 2.5, x, y });
    expect(compiled).toEqual([
      { name: 'saxpy.hip', options: ['-ffp-contract=off', '--offload-arch=gfx90a:sramecc+:xnack-', '-std=c++17'] },
    ]);
    expect(launches).toHaveLength(1);
    const launch = launches[0];
    if (!launch) throw new Error('no launch');
    expect(launch.function).toBe(0x9100n);
    expect(launch.device).toBe(0);
    expect(launch.grid).toEqual([4, 1, 1]);
    expect(launch.block).toEqual([256, 1, 1]);
    expect(launch.sharedBytes).toBe(0);
    const [n, a, xPointer, yPointer, elements] = launch.parameters;
    expect(n?.getUint32(0, true)).toBe(1000);
    expect(a?.getFloat32(0, true)).toBe(2.5);
    // Device pointers as HIP handed them out: x first, then y one 4 KiB-rounded block later.
    expect(xPointer?.getBigUint64(0, true)).toBe(0x7f10_0000_0000n);
    expect(yPointer?.getBigUint64(0, true)).toBe(0x7f10_0000_1000n);
    expect(elements?.getUint32(0, true)).toBe(1);
    // Two allocations of 4000 bytes, rounded up to the allocator's 4096-byte bin.
    expect(calls.filter((call) => call.startsWith('malloc'))).toEqual(['malloc 4096', 'malloc 4096']);
    // The same kernel again: no second compile, the launch record reused with the new scalar.
    await queue.exec(makeWorkDiv(rocm.acc1D, 1, 64), saxpy, { n: 10, a: -1, x, y });
    expect(compiled).toHaveLength(1);
    expect(launches[1]?.parameters[1]?.getFloat32(0, true)).toBe(-1);
    expect(launches[1]?.grid).toEqual([1, 1, 1]);
    expect(rocm.kernelStatistics()).toEqual({ compiled: 1, loadedFromDisk: 0 });
  });

  it('places scalars of every size at their natural alignment', async () => {
    const { rocm, device, launches } = setUp();
    const out = allocBuf(device, f32, 4);
    await device.createQueue().exec(makeWorkDiv(rocm.acc1D, 1, 4), mixed, { flag: -3, scale: 0.1, out });
    const [flag, scale] = launches[0]?.parameters ?? [];
    expect(flag?.getInt16(0, true)).toBe(-3);
    // The f64 starts 8 bytes in, after the i16 and its padding: its slice is exactly 8 bytes.
    expect(scale?.byteLength).toBe(8);
    expect(scale?.getFloat64(0, true)).toBe(0.1);
  });

  it('refuses more dynamic shared memory than the block has beside static memory, with no opt-in call', async () => {
    const { rocm, device, launches } = setUp({ staticSharedBytes: 1024 });
    const data = allocBuf(device, i32, 16384);
    const queue = device.createQueue();
    const workDivision = makeWorkDiv(rocm.acc1D, 1, 256);
    // 64512 bytes fit beside the kernel's 1024 static bytes: launched with them, no opt-in (the fake throws on one).
    await queue.exec(workDivision, reverse, { size: 16128, data });
    expect(launches[0]?.sharedBytes).toBe(64512);
    const asked = queue.exec(workDivision, reverse, { size: 16129, data });
    await expect(asked).rejects.toBeInstanceOf(WorkDivisionError);
    await expect(asked).rejects.toThrow(/gives a block at most 65536 bytes in all\. Ask for at most 64512 bytes/);
    expect(launches).toHaveLength(1);
  });

  it('copies, sets and fills through the stream, and wait() resolves from a host callback', async () => {
    const { device, calls } = setUp();
    const queue = device.createQueue();
    const onDevice = allocBuf(device, f32, 256);
    const onHost = allocBuf(host(), f32, 256);
    memcpy(queue, onDevice, onHost);
    memset(queue, onDevice, 0);
    memcpy(queue, onHost, onDevice);
    await queue.wait();
    const stream = calls.find((call) => call.startsWith('copy'))?.split(' on ')[1];
    // Pageable host memory goes through pinned staging (gpu-kit's pageable-staging.ts): the staged source is kept
    // alive by a callback until the stream read it, and a host copy on the driver's thread (holding nothing for
    // JavaScript) moves the staged result into the pageable buffer before anything after it; then wait()'s callback.
    expect(calls.filter((call) => /^(copy|set|callback|host copy)/.test(call))).toEqual([
      `copy 1024x1x1 from host+0 to device 7f1000000000+0 on ${stream}`,
      expect.stringMatching(new RegExp(`^callback \\d+ on ${stream}$`)),
      `set 1024×1 bytes of 0 at 7f1000000000 on ${stream}`,
      `copy 1024x1x1 from device 7f1000000000+0 to host+0 on ${stream}`,
      expect.stringMatching(new RegExp(`^host copy \\d+ on ${stream}$`)),
      expect.stringMatching(new RegExp(`^callback \\d+ on ${stream}$`)),
    ]);
    expect(calls.filter((call) => call.startsWith('pinned malloc'))).toHaveLength(2);
  });

  it('fills 32-bit elements with a driver set, and 64-bit ones row by row from a row kept alive until the stream passes', async () => {
    const { device, calls } = setUp();
    const queue = device.createQueue();
    fill(queue, allocBuf(device, f32, [2, 8]), 1.5);
    fill(queue, allocBuf(device, f64, [2, 8]), 0.25);
    const recorded = calls.filter((call) => /^(copy|set|callback)/.test(call));
    expect(recorded[0]).toMatch(/^set 8×4 bytes of 1069547520 at /);
    expect(recorded.slice(1, 3)).toEqual([
      expect.stringMatching(/^copy 64x1x1 from host\+0 to device \w+\+0 on /),
      expect.stringMatching(/^copy 64x1x1 from host\+0 to device \w+\+64 on /),
    ]);
    // The host callback that holds the row, after the copies that read it.
    expect(recorded[3]).toMatch(/^callback \d+ on /);
    await queue.wait();
  });

  it("refuses another platform's device memory in a copy, naming it", () => {
    const first = setUp();
    const second = setUp();
    const theirs = allocBuf(second.device, f32, 16);
    const ours = allocBuf(first.device, f32, 16);
    expect(() => memcpy(first.device.createQueue(), ours, theirs)).toThrow(/rocm_async cannot reach/);
  });
});

describe("rocm_async's caching allocator over HIP", () => {
  it('reuses a block at once on the stream that freed it, and records an event for others', () => {
    const { rocm, device, calls } = setUp();
    const gpu = device.implementation as GpuDevice;
    const stream = 0x42n;
    const block = gpu.allocator.allocate(3000, stream);
    gpu.allocator.free(block, stream);
    const again = gpu.allocator.allocate(4000, stream);
    expect(again.pointer).toBe(block.pointer);
    expect(calls.filter((call) => call.startsWith('malloc'))).toEqual(['malloc 4096']);
    expect(calls.filter((call) => call.startsWith('record'))).toHaveLength(1);
    expect(rocm.allocatorStatistics(0)).toMatchObject({ requests: 2, cacheHits: 1, driverAllocations: 1 });
  });

  it("recognises HIP's out-of-memory error: the cache is released and the request retried, then a clear error", () => {
    const { device, calls } = setUp({ failAllocationsAbove: 2 ** 20 });
    const gpu = device.implementation as GpuDevice;
    const cachedBlock = gpu.allocator.allocate(4096, 0x1n);
    gpu.allocator.free(cachedBlock, 0x1n);
    let failure: unknown;
    try {
      gpu.allocator.allocate(2 ** 21, 0x1n);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AlpakaError);
    expect((failure as AlpakaError).code).toBe('ALPAKA_OUT_OF_MEMORY');
    expect((failure as Error).message).toMatch(
      /asked for 2097152 bytes; the caching allocator had 4096 bytes cached \(now released\)/,
    );
    // The cached block went back to HIP before the retry.
    expect(calls).toContain(`free ${cachedBlock.pointer.toString(16)}`);
  });
});
