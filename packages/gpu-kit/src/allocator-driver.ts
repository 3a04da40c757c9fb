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
    // A byte memset of the block (pinned memory too: under unified addressing its host address is the device
    // one). Without a stream, on the device's default stream, waited for, so the block is filled on return.
    fill: (pointer, bytes, value, stream) => {
      const device = stream === undefined ? deviceOfStream(0n) : deviceOfStream(stream);
      addon.set(device, stream ?? 0n, pointer, bytes, bytes, 1, value, bytes, 1, 1);
      if (stream === undefined) addon.streamSynchronize(device, 0n);
    },
  };
}
