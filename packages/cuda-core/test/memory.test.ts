import { i32, memcpy } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { CUDAService, makeDeviceUnique, makeHostUnique } from '../src';

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
