import type { AllocatorDriver } from './caching-allocator';
import type { GpuNativeAddon } from './native-binding';

/**
 * A caching allocator's driver over a GPU addon: raw allocation and free from the caller, and the events that
 * mark a freed block's stream position, made on the stream's device and reused once their block left the cache.
 * Device memory passes its own device for every stream; pinned memory looks the stream's device up.
 */
export function eventAllocatorDriver(
  addon: GpuNativeAddon,
  memory: Pick<AllocatorDriver, 'allocate' | 'free'>,
  deviceOfStream: (stream: bigint) => number,
  isOutOfMemory: (error: unknown) => boolean,
): AllocatorDriver {
  const spareEvents = new Map<number, bigint[]>();
  const eventDevices = new Map<bigint, number>();
  return {
    ...memory,
    recordEvent: (stream) => {
      const device = deviceOfStream(stream);
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
    isOutOfMemory,
  };
}
