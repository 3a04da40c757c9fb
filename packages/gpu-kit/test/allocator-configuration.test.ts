import { allocBuf, allocMappedBuf, Device, InvalidArgumentError, u8 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { allocatorOptionsOf } from '../src/caching-allocator';
import { createGpuBackend } from '../src/gpu-backend';
import type { GpuDevice } from '../src/gpu-device';
import { h200, standInGpuAddon } from '../src/testing';
import { fakeCudaVendor } from './fake-cuda-vendor';

const vendor = fakeCudaVendor('cuda_configured_fake');

const config = { binGrowth: 4, minBin: 3, maxBin: 10, maxCachedBytes: 0, maxCachedFraction: 0.5 };

describe('configureCachingAllocators (AlpakaService hostAllocator / deviceAllocator)', () => {
  it("maps CMSSW's AllocatorConfig: bins growth^k, the smaller of the two cache limits, 0 for no limit", () => {
    expect(allocatorOptionsOf(config, 1000)).toEqual({
      growth: 4,
      minimumBin: 3,
      maximumBin: 10,
      maximumCachedBytes: 500,
    });
    expect(allocatorOptionsOf({ ...config, maxCachedBytes: 100 }, 1000).maximumCachedBytes).toBe(100);
    expect(allocatorOptionsOf({ ...config, maxCachedFraction: 0 }, 1000).maximumCachedBytes).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('refuses bad values, naming each, and changes nothing', () => {
    expect(() => allocatorOptionsOf({ ...config, binGrowth: 1, maxBin: 2 }, 1000)).toThrow(InvalidArgumentError);
    expect(() => allocatorOptionsOf({ ...config, binGrowth: 1, maxBin: 2 }, 1000)).toThrow(/binGrowth 1 .*maxBin 2/);
  });

  it('the device and host allocators round requests to the configured bins from then on', () => {
    const fake = standInGpuAddon({ device: h200 });
    const gpu = createGpuBackend(vendor, () => fake.runtime);
    const deviceV1 = gpu.backend.platform().devices()[0] as GpuDevice;
    const device = Device.of(deviceV1);
    expect(deviceV1.allocator.binOf(300).bytes).toBe(512); // CMSSW's default: 2^k, 2^8 at least
    gpu.backend.configureCachingAllocators?.({ device: config, host: { ...config, binGrowth: 2, minBin: 5 } });
    expect(deviceV1.allocator.binOf(300).bytes).toBe(1024); // 4^5, the first 4^k ≥ 300
    expect(deviceV1.allocator.binOf(10).bytes).toBe(64); // 4^3, the smallest bin
    expect(deviceV1.allocator.configuration.maximumCachedBytes).toBe(Math.floor(0.5 * deviceV1.totalMemoryBytes));
    allocBuf(device, u8, 10);
    allocMappedBuf(device.platform, u8, 10);
    const hostBins = gpu.pinnedAllocatorStatistics();
    expect(hostBins?.liveBytes).toBe(32); // 2^5, the configured smallest host bin
  });

  it('the fill settings reach the memory: a new device block holds fillAllocationValue, a freed one fillCacheValue', () => {
    const fake = standInGpuAddon({ device: h200 });
    const gpu = createGpuBackend(vendor, () => fake.runtime);
    const deviceV1 = gpu.backend.platform().devices()[0] as GpuDevice;
    gpu.backend.configureCachingAllocators?.({ device: { ...config, fill: { allocations: 0xa5, caches: 0x96 } } });
    const block = deviceV1.allocator.allocate(100, undefined);
    const bytes = fake.memory.bytesAt(block.pointer).subarray(0, block.bytes);
    expect(bytes.every((byte) => byte === 0xa5)).toBe(true);
    deviceV1.allocator.free(block, undefined);
    expect(bytes.every((byte) => byte === 0x96)).toBe(true);
    expect(() =>
      gpu.backend.configureCachingAllocators?.({ device: { ...config, fill: { allocations: 256 } } }),
    ).toThrow(/fill.allocations 256 \(a byte, 0 … 255\)/);
  });

  it('a bad configuration leaves both allocators as they were', () => {
    const fake = standInGpuAddon({ device: h200 });
    const gpu = createGpuBackend(vendor, () => fake.runtime);
    const deviceV1 = gpu.backend.platform().devices()[0] as GpuDevice;
    const before = deviceV1.allocator.configuration;
    expect(() =>
      gpu.backend.configureCachingAllocators?.({ device: config, host: { ...config, maxCachedFraction: 2 } }),
    ).toThrow(/maxCachedFraction 2/);
    expect(deviceV1.allocator.configuration).toBe(before);
  });
});
