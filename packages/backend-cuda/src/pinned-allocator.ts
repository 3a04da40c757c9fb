import { totalmem } from 'node:os';
import { cudaAllocatorDriver } from './allocator-driver';
import { type AllocatorStatistics, CachingAllocator, cmsswAllocatorOptions } from './caching-allocator';
import type { CudaNativeAddon } from './native-addon';

/** The device each stream belongs to (queues register theirs), so events are made in the stream's context. */
export const streamDevices = new Map<bigint, number>();

/**
 * CMSSW's caching host allocator: pinned host memory, cached in the same bins as device memory, reused at once
 * by the stream that last used a block and by others once an event recorded on that stream has completed. One
 * per process: pinned memory is reachable from every GPU (CU_MEMHOSTALLOC_PORTABLE).
 */
export function createPinnedAllocator(addon: CudaNativeAddon): CachingAllocator {
  return new CachingAllocator(
    cudaAllocatorDriver(
      addon,
      { allocate: (bytes) => addon.pinnedAllocate(0, bytes), free: (pointer) => addon.pinnedFree(0, pointer) },
      (stream) => streamDevices.get(stream) ?? 0,
    ),
    // CMSSW caches up to the same share of host memory as of device memory.
    cmsswAllocatorOptions(totalmem()),
  );
}

let shared: { addon: CudaNativeAddon; allocator: CachingAllocator } | undefined;

/** The process's caching host allocator (made on first use). */
export function pinnedAllocatorOf(addon: CudaNativeAddon): CachingAllocator {
  if (shared?.addon !== addon) shared = { addon, allocator: createPinnedAllocator(addon) };
  return shared.allocator;
}

/** The caching host allocator's counters (as allocatorStatistics(device) for device memory). */
export const pinnedAllocatorStatistics = (): AllocatorStatistics | undefined => shared?.allocator.stats();
