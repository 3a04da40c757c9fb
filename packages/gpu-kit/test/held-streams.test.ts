import {
  allocBuf,
  array,
  Device,
  host,
  InvalidArgumentError,
  kernel,
  makeWorkDiv,
  memcpy,
  u8,
  u32,
} from '@alpaka-ts/interface';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGpuBackend } from '../src/gpu-backend';
import { h200, standInGpuAddon } from '../src/testing';
import { fakeCudaVendor } from './fake-cuda-vendor';

// What the H200 showed (test-objects' first cuda_async job hung in cuModuleLoadData): loading a module
// synchronizes the device, so it never returns while a stream is held for JavaScript, the thread loading.
// The stand-in throws where the driver would hang.

beforeAll(() => {
  process.env.ALPAKA_TS_CACHE_DIR = 'off';
});

const vendor = fakeCudaVendor('cuda_held_fake');
const fill = kernel('fillHeld', { n: u32, data: array(u8) }, (acc, { n, data }) => {
  for (const i of acc.uniformElements(n)) data[i] = 7;
});

function setUp() {
  const fake = standInGpuAddon({ device: h200 });
  const gpu = createGpuBackend(vendor, () => fake.runtime);
  const device = Device.of(gpu.backend.platform().devices()[0] as never);
  return { fake, gpu, device, division: makeWorkDiv(gpu.acc1D, 1, 32) };
}

describe('streams held for JavaScript, and loading kernels', () => {
  it('staged pageable copies hold no stream: their host side is copied on the driver thread, so a kernel loads meanwhile', async () => {
    const { fake, gpu, device, division } = setUp();
    const queue = device.createQueue();
    const other = device.createQueue();
    const onDevice = allocBuf(device, u8, 64);
    const pageable = allocBuf(host(), u8, 64);
    pageable.hostArray().fill(3);
    // Work pending on the queue: the source is packed on the driver thread too, not in JavaScript at once.
    const later = allocBuf(device, u8, 64);
    memcpy(queue, later, onDevice);
    memcpy(queue, onDevice, pageable);
    const back = allocBuf(host(), u8, 64);
    memcpy(queue, back, onDevice);
    // The first launch of fillHeld loads its module while the copies are pending on `queue`.
    await other.exec(division, fill, { n: 64, data: allocBuf(device, u8, 64) });
    await queue.wait();
    expect(Array.from(back.hostArray())).toEqual(Array(64).fill(3));
    expect(fake.calls.filter((call) => call.includes('(holds)'))).toEqual([]);
    expect(fake.calls.filter((call) => call.startsWith('host copy'))).toHaveLength(2); // source and destination
    expect(gpu.kernelStatistics().compiled).toBe(1);
  });

  it('a kernel first loaded while a host task is pending is refused with what to do; after the task it loads', async () => {
    const { fake, device, division } = setUp();
    const queue = device.createQueue();
    const other = device.createQueue();
    let release = () => {};
    queue.enqueue(() => new Promise<void>((resolve) => (release = resolve)));
    const data = allocBuf(device, u8, 64);
    await expect(other.exec(division, fill, { n: 64, data })).rejects.toThrow(InvalidArgumentError);
    await expect(other.exec(division, fill, { n: 64, data })).rejects.toThrow(
      /cannot load kernel fillHeld while a host task is pending on one of its queues: .*Launch fillHeld once before enqueueing host tasks/,
    );
    expect(fake.launchCount()).toBe(0); // nothing was enqueued
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await queue.wait();
    await other.exec(division, fill, { n: 64, data });
    expect(fake.launchCount()).toBe(1);
    // Loaded now: later launches need no load, host task pending or not.
    queue.enqueue(() => new Promise((resolve) => setImmediate(resolve)));
    await other.exec(division, fill, { n: 64, data });
    await queue.wait();
    expect(fake.launchCount()).toBe(2);
  });

  it("waiting for a host queue's event that has already completed holds no stream", async () => {
    const { fake, device } = setUp();
    const hostQueue = host().createQueue();
    const event = host().createEvent();
    hostQueue.record(event);
    await hostQueue.wait();
    const queue = device.createQueue();
    queue.waitFor(event);
    await queue.wait();
    expect(fake.calls.filter((call) => call.includes('(holds)'))).toEqual([]);
  });
});
