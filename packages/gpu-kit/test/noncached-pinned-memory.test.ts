import { allocBuf, allocMappedNoncachedBuf, Device, memcpy, u8 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from '../src/gpu-backend';
import type { HostCallbacks } from '../src/host-callbacks';
import type { GpuNativeAddon } from '../src/native-binding';
import {
  type NoncachedAllocation,
  type NoncachedPinnedMemory,
  releaseNoncachedAllocation,
} from '../src/noncached-pinned-memory';
import { h200, standInGpuAddon } from '../src/testing';
import { fakeCudaVendor } from './fake-cuda-vendor';

const vendor = fakeCudaVendor('cuda_noncached_fake');

function standIn() {
  const fake = standInGpuAddon({ device: h200 });
  const gpu = createGpuBackend(vendor, () => fake.runtime);
  const device = Device.of(gpu.backend.platform().devices()[0] as never);
  return { fake, device };
}

describe('pinned host memory outside the cache (allocMappedNoncachedBuf)', () => {
  it("is one driver allocation per call with the flags' bits, copied without staging", async () => {
    const { fake, device } = standIn();
    const staging = allocMappedNoncachedBuf(device, u8, 100, { portable: true, writeCombined: true });
    const back = allocMappedNoncachedBuf(device, u8, 100);
    expect(staging.device.isHost).toBe(true);
    const queue = device.createQueue();
    const onDevice = allocBuf(device, u8, 100);
    staging.hostArray().fill(3);
    expect((staging.memory as NoncachedPinnedMemory).lastUsedStream).toBeUndefined();
    memcpy(queue, onDevice, staging);
    memcpy(queue, back, onDevice);
    // Both copies marked their host side, so a collection frees it only after the stream passed them.
    expect((staging.memory as NoncachedPinnedMemory).lastUsedStream).toBeDefined();
    expect((back.memory as NoncachedPinnedMemory).lastUsedStream).toBe(
      (staging.memory as NoncachedPinnedMemory).lastUsedStream,
    );
    await queue.wait();
    expect(Array.from(back.hostArray().subarray(0, 3))).toEqual([3, 3, 3]);
    // No staging block of the caching host allocator: only the two allocations asked for.
    expect(fake.calls.filter((call) => call.startsWith('pinned malloc'))).toEqual([
      'pinned malloc 100 flags 5',
      'pinned malloc 100 flags 0',
    ]);
  });
});

describe('the release of a collected noncached allocation', () => {
  const allocation = (stream: bigint | undefined) => {
    const log: string[] = [];
    let reached: (() => void) | undefined;
    const addon = { pinnedFree: (device: number, pointer: bigint) => log.push(`free ${device} ${pointer}`) };
    const callbacks = {
      enqueue: (device: number, onStream: bigint, _holds: boolean, callback: () => void) => {
        log.push(`wait for stream ${onStream} of device ${device}`);
        reached = callback;
      },
    };
    const held: NoncachedAllocation = {
      addon: addon as unknown as GpuNativeAddon,
      callbacks: callbacks as unknown as HostCallbacks,
      device: 1,
      pointer: 0x7e00n,
      lastUse: { stream, device: 0 },
    };
    return { held, log, reach: () => reached?.() };
  };

  it('frees at once, with the allocating device, when no stream copied it', () => {
    const { held, log } = allocation(undefined);
    releaseNoncachedAllocation(held);
    expect(log).toEqual([`free 1 ${0x7e00n}`]);
  });

  it('frees only once the last stream that copied it has passed that copy', () => {
    const { held, log, reach } = allocation(0x5010n);
    releaseNoncachedAllocation(held);
    expect(log).toEqual([`wait for stream ${0x5010n} of device 0`]);
    reach();
    expect(log).toEqual([`wait for stream ${0x5010n} of device 0`, `free 1 ${0x7e00n}`]);
  });
});
