import { totalmem } from 'node:os';
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
  const spareEvents = new Map<number, bigint[]>();
  const eventDevices = new Map<bigint, number>();
  return new CachingAllocator(
    {
      allocate: (bytes) => addon.pinnedAllocate(0, bytes),
      free: (pointer) => addon.pinnedFree(0, pointer),
      recordEvent: (stream) => {
        const device = streamDevices.get(stream) ?? 0;
        const event = spareEvents.get(device)?.pop() ?? addon.eventCreate(device);
        eventDevices.set(event, device);
        addon.eventRecord(device, event, stream);
        return event;
      },
      eventComplete: (event) => addon.eventQuery(eventDevices.get(event) ?? 0, event),
      releaseEvent: (event) => {
        const device = eventDevices.get(event) ?? 0;
        const spare = spareEvents.get(device) ?? [];
        spare.push(event);
        spareEvents.set(device, spare);
      },
      isOutOfMemory: (error) => (error as { cudaError?: string }).cudaError === 'CUDA_ERROR_OUT_OF_MEMORY',
    },
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
