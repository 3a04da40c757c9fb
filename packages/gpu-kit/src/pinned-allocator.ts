import { totalmem } from 'node:os';
import { eventAllocatorDriver } from './allocator-driver';
import { type AllocatorStatistics, CachingAllocator, cmsswAllocatorOptions } from './caching-allocator';
import type { GpuNativeAddon } from './native-binding';

/** The device each stream belongs to (queues register theirs), so events are made in the stream's context. */
export const streamDevices = new Map<bigint, number>();

/**
 * CMSSW's caching host allocator: pinned host memory, cached in the same bins as device memory, reused at once
 * by the stream that last used a block and by others once an event recorded on that stream has completed. One
 * per platform: pinned memory is reachable from every GPU of it (CU_MEMHOSTALLOC_PORTABLE, hipHostMallocPortable).
 */
export function createPinnedAllocator(
  addon: GpuNativeAddon,
  isOutOfMemory: (error: unknown) => boolean,
): CachingAllocator {
  return new CachingAllocator(
    eventAllocatorDriver(
      addon,
      { allocate: (bytes) => addon.pinnedAllocate(0, bytes), free: (pointer) => addon.pinnedFree(0, pointer) },
      (stream) => streamDevices.get(stream) ?? 0,
      isOutOfMemory,
    ),
    // CMSSW caches up to the same share of host memory as of device memory.
    cmsswAllocatorOptions(totalmem()),
  );
}

// One per platform (per addon): CUDA's pinned memory is not HIP's.
const shared = new WeakMap<GpuNativeAddon, CachingAllocator>();

/** The platform's caching host allocator (made on first use). */
export function pinnedAllocatorOf(addon: GpuNativeAddon, isOutOfMemory: (error: unknown) => boolean): CachingAllocator {
  let allocator = shared.get(addon);
  if (!allocator) {
    allocator = createPinnedAllocator(addon, isOutOfMemory);
    shared.set(addon, allocator);
  }
  return allocator;
}

/** The caching host allocator's counters (as allocatorStatistics(device) for device memory); undefined before first use. */
export const pinnedAllocatorStatisticsOf = (addon: GpuNativeAddon): AllocatorStatistics | undefined =>
  shared.get(addon)?.stats();
