import { standInCudaBackend } from '@alpaka-ts/backend-cuda/testing';
import { i32, memcpy } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import {
  CUDAService,
  cudaHostAllocMapped,
  cudaHostAllocPortable,
  cudaHostAllocWriteCombined,
  makeDeviceUnique,
  makeHostNoncachedUnique,
  makeHostUnique,
} from '../src';

describe('makeDeviceUnique and makeHostUnique', () => {
  it('take device memory ordered on the stream and pinned host memory of its platform, and copy between them', async () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_cuda_memory' });
    const cuda = new CUDAService(mock);
    const device = cuda.devices[0];
    if (device === undefined) throw new Error('no device');
    const stream = cuda.takeStream(device);
    const before = mock.statistics();
    const onDevice = makeDeviceUnique(i32, 4, stream);
    const host = makeHostUnique(i32, 4, stream);
    const back = makeHostUnique(i32, 4, stream);
    const after = mock.statistics();
    expect(after.streamOrderedAllocations - before.streamOrderedAllocations).toBe(1);
    expect(after.mappedAllocations - before.mappedAllocations).toBe(2);
    expect(onDevice.device).toBe(device);
    host.hostArray().set([5, 6, 7, 8]);
    memcpy(stream, onDevice, host);
    memcpy(stream, back, onDevice);
    await stream.wait();
    expect(Array.from(back.hostArray())).toEqual([5, 6, 7, 8]);
    expect(after.pageableHostCopies - before.pageableHostCopies).toBe(0);
  });
});

describe('makeHostNoncachedUnique', () => {
  it('on the stand-in CUDA driver: one cuMemHostAlloc with the flags per call, copied without staging', async () => {
    const standIn = standInCudaBackend();
    const cuda = new CUDAService(standIn.backend);
    const device = cuda.devices[0];
    if (device === undefined) throw new Error('no device');
    const flags = cudaHostAllocPortable | cudaHostAllocWriteCombined;
    const staging = makeHostNoncachedUnique(i32, 4, device, flags);
    const back = makeHostNoncachedUnique(i32, 4, device);
    // Driver allocations, not the cache's bins (which would ask for a whole bin, 256 bytes at least).
    expect(standIn.calls.filter((call) => call.startsWith('pinned malloc'))).toEqual([
      'pinned malloc 16 flags 5',
      'pinned malloc 16 flags 0',
    ]);
    const stream = cuda.takeStream(device);
    const onDevice = makeDeviceUnique(i32, 4, stream);
    staging.hostArray().set([9, 8, 7, 6]);
    memcpy(stream, onDevice, staging);
    memcpy(stream, back, onDevice);
    await stream.wait();
    expect(Array.from(back.hostArray())).toEqual([9, 8, 7, 6]);
    // Pinned memory: copied by the driver asynchronously, without a staging block of the caching allocator.
    expect(standIn.calls.filter((call) => call.startsWith('pinned malloc'))).toHaveLength(2);
  });

  it('on the mock: pinned host memory outside the cache, write-combined counted apart', () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_cuda_noncached' });
    const cuda = new CUDAService(mock);
    const device = cuda.devices[0];
    if (device === undefined) throw new Error('no device');
    makeHostNoncachedUnique(i32, 8, device, cudaHostAllocMapped);
    makeHostNoncachedUnique(i32, 8, device, cudaHostAllocWriteCombined);
    const statistics = mock.statistics();
    expect(statistics.noncachedMappedAllocations).toBe(2);
    expect(statistics.writeCombinedAllocations).toBe(1);
    expect(statistics.mappedAllocations).toBe(0);
  });

  it('refuses flags that are not a combination of the four, saying which ones are', () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_cuda_noncached_flags' });
    const device = new CUDAService(mock).devices[0];
    if (device === undefined) throw new Error('no device');
    for (const flags of [8, -1, 1.5, Number.NaN]) {
      expect(() => makeHostNoncachedUnique(i32, 8, device, flags)).toThrow(
        /is not a combination of cudaHostAllocDefault \(0\), cudaHostAllocPortable \(1\), cudaHostAllocMapped \(2\) and cudaHostAllocWriteCombined \(4\)/,
      );
    }
    expect(mock.statistics().noncachedMappedAllocations).toBe(0);
  });
});
