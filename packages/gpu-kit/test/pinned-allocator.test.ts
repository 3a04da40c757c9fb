import { describe, expect, it } from 'vitest';
import { createPinnedAllocator, streamDevices } from '../src/pinned-allocator';
import { standInGpuAddon } from '../src/testing';

describe('the caching host allocator', () => {
  it("records events in the stream's own device, and reuses a block elsewhere only after its stream passed", () => {
    // Events stay pending until completeEvents(): the stand-in's stream has not passed them yet.
    const { addon, calls, completeEvents } = standInGpuAddon({ eventsComplete: false });
    streamDevices.set(77n, 1);
    const allocator = createPinnedAllocator(addon, () => false);
    const first = allocator.allocate(3000, 77n);
    expect(first.bytes).toBe(4096);
    allocator.free(first, 77n);
    expect(calls).toEqual([
      'pinned malloc 4096',
      expect.stringMatching(/^event \d+ on device 1$/),
      expect.stringMatching(/^record \d+ on 77 \(device 1\)$/),
    ]);
    // Another stream: the event has not completed, so a new block.
    const second = allocator.allocate(4000, 88n);
    expect(second.pointer).not.toBe(first.pointer);
    // The same stream: stream order makes the reuse safe at once.
    const again = allocator.allocate(2049, 77n);
    expect(again.pointer).toBe(first.pointer);
    allocator.free(again, 77n);
    const recorded = calls.filter((call) => call.startsWith('record')).length;
    expect(recorded).toBe(2);
    expect(calls.filter((call) => call.startsWith('event ')).length).toBe(1); // the event was reused
    const third = allocator.allocate(4096, 99n);
    expect(third.pointer).not.toBe(first.pointer);
    // Once the stream passes the event, any stream may take the block.
    completeEvents();
    expect(allocator.allocate(4096, 99n).pointer).toBe(first.pointer);
    expect(allocator.stats().cacheHits).toBe(2);
  });
});
