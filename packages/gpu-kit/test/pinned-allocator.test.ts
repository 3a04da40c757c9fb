import { describe, expect, it } from 'vitest';
import type { GpuNativeAddon } from '../src/native-binding';
import { createPinnedAllocator, streamDevices } from '../src/pinned-allocator';

/** Just the calls the host allocator makes, recorded, with events that complete when told to. */
function fakeAddon() {
  const calls: string[] = [];
  const completed = new Set<bigint>();
  const recordedEvents: bigint[] = [];
  const lastEvent = () => recordedEvents[recordedEvents.length - 1] ?? 0n;
  let next = 0x1000n;
  const addon = {
    pinnedAllocate: (_device: number, bytes: number) => {
      calls.push(`alloc ${bytes}`);
      next += 0x10000n;
      return next;
    },
    pinnedFree: (_device: number, pointer: bigint) => void calls.push(`free ${pointer}`),
    eventCreate: (device: number) => {
      calls.push(`event on ${device}`);
      next += 1n;
      return next;
    },
    eventRecord: (device: number, event: bigint, stream: bigint) => {
      recordedEvents.push(event);
      calls.push(`record ${stream} on ${device}`);
    },
    eventQuery: (_device: number, event: bigint) => completed.has(event),
  } as unknown as GpuNativeAddon;
  return { addon, calls, completed, lastEvent };
}

describe('the caching host allocator', () => {
  it("records events in the stream's own device, and reuses a block elsewhere only after its stream passed", () => {
    const { addon, calls, completed, lastEvent } = fakeAddon();
    streamDevices.set(77n, 1);
    const allocator = createPinnedAllocator(addon, () => false);
    const first = allocator.allocate(3000, 77n);
    expect(first.bytes).toBe(4096);
    allocator.free(first, 77n);
    expect(calls).toEqual(['alloc 4096', 'event on 1', 'record 77 on 1']);
    // Another stream: the event has not completed, so a new block.
    const second = allocator.allocate(4000, 88n);
    expect(second.pointer).not.toBe(first.pointer);
    // The same stream: stream order makes the reuse safe at once.
    const again = allocator.allocate(2049, 77n);
    expect(again.pointer).toBe(first.pointer);
    allocator.free(again, 77n);
    const recorded = calls.filter((call) => call.startsWith('record')).length;
    expect(recorded).toBe(2);
    expect(calls.filter((call) => call.startsWith('event on')).length).toBe(1); // the event was reused
    const third = allocator.allocate(4096, 99n);
    expect(third.pointer).not.toBe(first.pointer);
    // Once the stream passes the event, any stream may take the block.
    completed.add(lastEvent());
    expect(allocator.allocate(4096, 99n).pointer).toBe(first.pointer);
    expect(allocator.stats().cacheHits).toBe(2);
  });
});
