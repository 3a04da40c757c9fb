import { describe, expect, it } from 'vitest';
import { type AllocatorDriver, CachingAllocator, cmsswAllocatorOptions } from '../src/caching-allocator';

/** A driver that logs allocations, frees and fills; every event has completed. */
function loggingDriver() {
  let next = 0x1000n;
  const log: string[] = [];
  const driver: AllocatorDriver = {
    allocate(bytes) {
      const pointer = next;
      next += BigInt(bytes);
      return pointer;
    },
    free: (pointer) => log.push(`free ${pointer.toString(16)}`),
    recordEvent: () => 1n,
    eventComplete: () => true,
    releaseEvent: () => {},
    isOutOfMemory: () => false,
    fill: (pointer, bytes, value, stream) =>
      log.push(`fill ${bytes} at ${pointer.toString(16)} with ${value.toString(16)} on ${stream}`),
  };
  return { driver, log };
}

const base = { ...cmsswAllocatorOptions(1 << 30), maximumCachedBytes: 1024 };
const all = { allocations: 0xa5, reallocations: 0x69, deallocations: 0x5a, caches: 0x96 };

describe("the caching allocator's fill* debugging settings (CMSSW's AlpakaService allocator PSets)", () => {
  it('fills new blocks, reused blocks, cached blocks and freed blocks with their own byte, on the stream', () => {
    const { driver, log } = loggingDriver();
    const allocator = new CachingAllocator(driver, { ...base, fill: all });
    const first = allocator.allocate(300, 7n);
    allocator.free(first, 7n);
    const again = allocator.allocate(300, 9n);
    expect(again.pointer).toBe(first.pointer);
    const large = allocator.allocate(2000, 9n); // above the cache limit: back to the driver when freed
    allocator.free(large, 9n);
    expect(log).toEqual([
      'fill 512 at 1000 with a5 on 7', // fillAllocations: a new block
      'fill 512 at 1000 with 96 on 7', // fillCaches: the block goes into the cache
      'fill 512 at 1000 with 69 on 9', // fillReallocations: the block handed out again
      'fill 2048 at 1200 with a5 on 9',
      'fill 2048 at 1200 with 5a on 9', // fillDeallocations: before the driver frees it
      'free 1200',
    ]);
  });

  it('falls back as CMSSW does: a reused block gets the allocation byte, a cached one the deallocation byte', () => {
    const { driver, log } = loggingDriver();
    const allocator = new CachingAllocator(driver, { ...base, fill: { allocations: 1, deallocations: 2 } });
    const block = allocator.allocate(100, undefined);
    allocator.free(block, undefined);
    allocator.allocate(100, undefined);
    expect(log).toEqual([
      'fill 256 at 1000 with 1 on undefined',
      'fill 256 at 1000 with 2 on undefined',
      'fill 256 at 1000 with 1 on undefined',
    ]);
  });

  it('writes nothing without fill settings', () => {
    const { driver, log } = loggingDriver();
    const allocator = new CachingAllocator(driver, base);
    allocator.free(allocator.allocate(100, 3n), 3n);
    allocator.free(allocator.allocate(5000, 3n), 3n);
    expect(log).toEqual(['free 1100']);
  });
});
