import { allocBuf, Device, host, memcpy, u8 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from '../src/gpu-backend';
import type { GpuQueue } from '../src/gpu-queue';
import { h200, standInGpuAddon } from '../src/testing';
import { fakeCudaVendor } from './fake-cuda-vendor';

const vendor = fakeCudaVendor('cuda_pageable_fake');

function gpuQueue() {
  const fake = standInGpuAddon({ device: h200 });
  const gpu = createGpuBackend(vendor, () => fake.runtime);
  const device = Device.of(gpu.backend.platform().devices()[0] as never);
  return { fake, device, queue: device.createQueue() };
}

describe('copies of pageable host memory on a non-blocking GPU queue', () => {
  it('go through pinned staging, so a host task holding the stream cannot deadlock them', async () => {
    const { fake, device, queue } = gpuQueue();
    const source = allocBuf(host(), u8, 1000);
    const onDevice = allocBuf(device, u8, 1000);
    const back = allocBuf(host(), u8, 1000);
    // The stand-in throws, as a driver would hang, on a pageable copy while a host callback holds the stream; and
    // the source is written by that host task, which the copy must see (it reads when the stream gets there).
    queue.enqueue(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      source.hostArray().set(Array.from({ length: 1000 }, (_, index) => index % 251));
    });
    memcpy(queue, onDevice, source);
    memcpy(queue, back, onDevice);
    expect(back.hostArray().every((byte) => byte === 0)).toBe(true); // not before the stream got there
    await queue.wait();
    expect(Array.from(back.hostArray().subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(back.hostArray()[999]).toBe(999 % 251);
    // The device saw only pinned host memory: two staging blocks from the caching host allocator, given back
    // once the stream passed them, so the same copies again take them from the cache.
    const pinnedMallocs = () => fake.calls.filter((call) => call.startsWith('pinned malloc')).length;
    expect(pinnedMallocs()).toBe(2);
    memcpy(queue, onDevice, source);
    memcpy(queue, back, onDevice);
    await queue.wait();
    expect(pinnedMallocs()).toBe(2);
  });

  it('keep stream order through pageable memory: a device→host copy, then a host→device copy from it', async () => {
    const { device, queue } = gpuQueue();
    const first = allocBuf(device, u8, 16);
    const middle = allocBuf(host(), u8, 16);
    const second = allocBuf(device, u8, 16);
    const back = allocBuf(host(), u8, 16);
    const start = allocBuf(host(), u8, 16);
    start.hostArray().fill(9);
    memcpy(queue, first, start);
    memcpy(queue, middle, first);
    memcpy(queue, second, middle);
    memcpy(queue, back, second);
    await queue.wait();
    expect(Array.from(back.hostArray())).toEqual(Array(16).fill(9));
  });

  it('copy nothing for an empty extent, staging nothing', async () => {
    const { fake, device, queue } = gpuQueue();
    memcpy(queue, allocBuf(device, u8, 0), allocBuf(host(), u8, 0));
    await queue.wait();
    expect(fake.calls.filter((call) => call.startsWith('pinned malloc'))).toEqual([]);
  });

  it('the copy the staging avoids: pageable memory on a held stream (the stand-in models the hang)', () => {
    const { fake, queue } = gpuQueue();
    queue.enqueue(() => new Promise<void>(() => {})); // holds the stream for good
    const stream = (queue.implementation as GpuQueue).stream;
    const pinned = fake.addon.pinnedArrayBuffer(fake.addon.pinnedAllocate(0, 16), 16);
    const copy = (source: ArrayBuffer) => () =>
      fake.addon.copy(0, stream, new Uint8Array(16), 0, 16, 16, source, 0, 16, 16, 16, 1, 1);
    expect(copy(new ArrayBuffer(16))).toThrow(/pageable copy on stream .* would never return/);
    // Between pageable memory too; pinned memory alone passes.
    expect(() => fake.addon.copy(0, stream, pinned, 0, 16, 16, pinned, 0, 16, 16, 16, 1, 1)).not.toThrow();
  });
});
