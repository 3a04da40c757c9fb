import {
  allocBuf,
  array,
  Device,
  f32,
  i32,
  KernelExecutionError,
  kernel,
  makeWorkDiv,
  u32,
} from '@alpaka-ts/interface';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGpuBackend } from '../src/gpu-backend';
import type { GpuDevice } from '../src/gpu-device';
import type { GpuVendor } from '../src/gpu-vendor';
import { h200, mi250x, type StandInLaunch, type StandInMemory, standInGpuAddon } from '../src/testing';

// Nothing compiled here may land in the user's kernel cache.
beforeAll(() => {
  process.env.ALPAKA_TS_CACHE_DIR = 'off';
});
afterEach(() => {
  delete process.env.ALPAKA_TS_BOUNDS_CHECKS;
});

// Reads x at i + offset: out of range for a negative offset (an i32 index) or one past the end.
const shiftedRead = kernel(
  'shiftedRead',
  { n: u32, offset: i32, x: array(f32, 'in'), out: array(f32) },
  (acc, { n, offset, x, out }) => {
    for (const i of acc.uniformElements(n)) out[i] = x[acc.i32(i) + offset] + 1;
  },
);
// The checked entry's parameters (the launch plan's order): n, offset, x, out, elements, bounds record, dynamic
// shared bytes, x's length, out's length. Sites: 0 the load of x, 1 the store to out.
const parameter = { n: 0, offset: 1, bounds: 5, sharedBytes: 6, xLength: 7, outLength: 8 } as const;

/** Plays shiftedRead's checked variant on the fake device: every out-of-range load of x is recorded as the C++ does. */
function playShiftedRead(launch: StandInLaunch, memory: StandInMemory): void {
  if (!launch.entry.endsWith('_bc')) return;
  const read = (index: number) => launch.parameters[index]?.getUint32(0, true) ?? 0;
  const record = memory.bytesAt(launch.parameters[parameter.bounds]?.getBigUint64(0, true) ?? 0n);
  const words = new Uint32Array(record.buffer, record.byteOffset, 4);
  for (let i = 0; i < read(parameter.n); i++) {
    const at = (i + (read(parameter.offset) | 0)) >>> 0;
    if (at < read(parameter.xLength)) continue;
    if (words[1] === 0) words.set([0, 1, at, read(parameter.xLength)]);
    words[0] = (words[0] ?? 0) + 1;
  }
}

const vendorFor = (emitterTarget: 'cuda' | 'hip'): GpuVendor => ({
  backendName: `${emitterTarget}_fake`,
  accelerator: 'gpu-fake',
  acceleratorTypeName: 'AccGpuFake',
  platformName: `${emitterTarget} fake`,
  maker: 'Fake',
  emitterTarget,
  compilerName: 'fakertc',
  cacheFolder: emitterTarget,
  binaryExtension: 'bin',
  compileOptions: (architecture) => [`--arch=${architecture}`],
  isOutOfMemory: () => false,
});

function setUp(emitterTarget: 'cuda' | 'hip') {
  // Each emitter target on its vendor's device: an H200 for CUDA, an MI250X (64-wide warps, no opt-in) for HIP.
  const fake = standInGpuAddon({ device: emitterTarget === 'cuda' ? h200 : mi250x, onLaunch: playShiftedRead });
  const gpu = createGpuBackend(vendorFor(emitterTarget), () => fake.runtime);
  const device = Device.of(gpu.backend.platform().devices()[0] as GpuDevice);
  const division = makeWorkDiv(gpu.acc1D, 1, 8);
  const buffers = () => ({ x: allocBuf(device, f32, 4), out: allocBuf(device, f32, 4) });
  return { ...fake, gpu, device, division, buffers };
}

const violationMessage =
  "kernel 'shiftedRead': argument 'x' index -2 is out of range (extent 4); 1 more out-of-range access was skipped.";

for (const emitterTarget of ['cuda', 'hip'] as const) {
  describe(`a bounds-checked launch (${emitterTarget} over the stand-in addon)`, () => {
    it("fails the next wait() with serial_sync's message: kernel, argument, index and extent", async () => {
      const { device, division, buffers } = setUp(emitterTarget);
      const queue = device.createQueue({ boundsChecks: true });
      await queue.exec(division, shiftedRead, { n: 4, offset: -2, ...buffers() });
      const waited = queue.wait();
      await expect(waited).rejects.toBeInstanceOf(KernelExecutionError);
      await expect(waited).rejects.toThrow(violationMessage);
      // The failure is reported once; the queue goes on.
      await expect(queue.wait()).resolves.toBeUndefined();
    });

    it('passes when every access is in range', async () => {
      const { device, division, buffers, launches } = setUp(emitterTarget);
      const queue = device.createQueue();
      await queue.exec(division, shiftedRead, { n: 4, offset: 0, ...buffers() }, { boundsChecks: true });
      await expect(queue.wait()).resolves.toBeUndefined();
      expect(launches.map((launch) => launch.entry)).toEqual(['shiftedRead_1d_1e_bc']);
    });

    it('zeroes its record on the stream before the kernel, copies it to the host after it, then checks it', async () => {
      const { device, division, buffers, calls, launches } = setUp(emitterTarget);
      const queue = device.createQueue({ boundsChecks: true });
      const before = calls.length;
      await queue.exec(division, shiftedRead, { n: 4, offset: 0, ...buffers() });
      const stream = (queue.implementation as unknown as { stream: bigint }).stream;
      const launch = launches[0] as StandInLaunch;
      const record = launch.parameters[parameter.bounds]?.getBigUint64(0, true).toString(16);
      // What reaches the stream (allocations and module loads aside), in order.
      expect(calls.slice(before).filter((call) => /^(set|launch|copy|callback|synchronize)/.test(call))).toEqual([
        `set 4×4 bytes of 0 at ${record} on ${stream}`,
        `launch shiftedRead_1d_1e_bc on ${stream}`,
        `copy 16x1x1 from device ${record}+0 to host+0 on ${stream}`,
        expect.stringMatching(new RegExp(`^callback \\d+ on ${stream}$`)),
      ]);
      const word = (index: number) => launch.parameters[index]?.getUint32(0, true);
      expect([word(parameter.sharedBytes), word(parameter.xLength), word(parameter.outLength)]).toEqual([0, 4, 4]);
      expect(launch.parameters[parameter.bounds]?.getBigUint64(0, true)).not.toBe(0n);
      await queue.wait();
    });

    it('takes each record from the caching allocators and gives it back, so the next launch reuses both blocks', async () => {
      const { gpu, device, division, buffers } = setUp(emitterTarget);
      const queue = device.createQueue({ boundsChecks: true });
      const args = { n: 4, offset: 0, ...buffers() };
      await queue.exec(division, shiftedRead, args);
      await queue.wait();
      const deviceBefore = gpu.allocatorStatistics(0);
      const pinnedBefore = gpu.pinnedAllocatorStatistics();
      await queue.exec(division, shiftedRead, args);
      await queue.wait();
      const deviceAfter = gpu.allocatorStatistics(0);
      const pinnedAfter = gpu.pinnedAllocatorStatistics();
      expect(deviceAfter.cacheHits - deviceBefore.cacheHits).toBe(1);
      expect(deviceAfter.driverAllocations).toBe(deviceBefore.driverAllocations);
      expect((pinnedAfter?.cacheHits ?? 0) - (pinnedBefore?.cacheHits ?? 0)).toBe(1);
      expect(pinnedAfter?.driverAllocations).toBe(pinnedBefore?.driverAllocations);
      // Nothing of the records is live once the queue has passed them: only the two 16-byte buffers' blocks.
      expect(deviceAfter.liveBytes).toBe(2 * 256);
      expect(pinnedAfter?.liveBytes).toBe(0);
    });

    it('rejects the exec itself on a blocking queue, once the kernel has run (as serial_sync does)', async () => {
      const { device, division, buffers } = setUp(emitterTarget);
      const queue = device.createQueue({ blocking: true, boundsChecks: true });
      await expect(queue.exec(division, shiftedRead, { n: 4, offset: -2, ...buffers() })).rejects.toThrow(
        violationMessage,
      );
      await expect(queue.exec(division, shiftedRead, { n: 4, offset: 0, ...buffers() })).resolves.toBeUndefined();
    });

    it('is compiled and loaded apart from the unchecked variant, which launches as before', async () => {
      const { gpu, device, division, buffers, calls, launches } = setUp(emitterTarget);
      const args = { n: 4, offset: -2, ...buffers() };
      const unchecked = device.createQueue();
      await unchecked.exec(division, shiftedRead, args);
      // ALPAKA_TS_BOUNDS_CHECKS turns it on for queues created afterwards.
      process.env.ALPAKA_TS_BOUNDS_CHECKS = '1';
      const checked = device.createQueue();
      await checked.exec(division, shiftedRead, args);
      await unchecked.exec(division, shiftedRead, args);
      expect(launches.map((launch) => [launch.entry, launch.parameters.length])).toEqual([
        ['shiftedRead_1d_1e', 5],
        ['shiftedRead_1d_1e_bc', 9],
        ['shiftedRead_1d_1e', 5],
      ]);
      expect(gpu.kernelStatistics()).toEqual({ compiled: 2, loadedFromDisk: 0 });
      // Unchecked launches set, copy and call back nothing of their own.
      expect(calls.filter((call) => /^(set|copy|callback)/.test(call))).toHaveLength(3);
      await expect(unchecked.wait()).resolves.toBeUndefined();
      await expect(checked.wait()).rejects.toThrow(violationMessage);
    });
  });
}
