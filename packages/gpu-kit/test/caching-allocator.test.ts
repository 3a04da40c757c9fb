import { describe, expect, it } from 'vitest';
import { type AllocatorDriver, CachingAllocator, cmsswAllocatorOptions } from '../src/caching-allocator';

/** A pretend driver: pointers count up, events complete when the test says so. */
function fakeDriver(options: { failAllocations?: number } = {}) {
  let next = 0x1000n;
  let failures = options.failAllocations ?? 0;
  const completed = new Set<bigint>();
  const log: string[] = [];
  let nextEvent = 1n;
  const driver: AllocatorDriver = {
    allocate(bytes) {
      if (failures > 0) {
        failures -= 1;
        throw Object.assign(new Error('cuMemAlloc failed: CUDA_ERROR_OUT_OF_MEMORY (2)'), {
          cudaError: 'CUDA_ERROR_OUT_OF_MEMORY',
        });
      }
      const pointer = next;
      next += BigInt(bytes);
      log.push(`alloc ${bytes}`);
      return pointer;
    },
    free(pointer) {
      log.push(`free ${pointer.toString(16)}`);
    },
    recordEvent(stream) {
      const event = nextEvent++;
      log.push(`record ${event} on ${stream}`);
      return event;
    },
    eventComplete: (event) => completed.has(event),
    releaseEvent: () => {},
    isOutOfMemory: (error) => (error as { cudaError?: string }).cudaError === 'CUDA_ERROR_OUT_OF_MEMORY',
    fill(pointer, bytes, value, stream) {
      log.push(`fill ${bytes} at ${pointer.toString(16)} with ${value.toString(16)} on ${stream}`);
    },
  };
  return {
    driver,
    log,
    complete: (event: bigint) => completed.add(event),
    failNext: (count: number) => {
      failures = count;
    },
  };
}

const options = { ...cmsswAllocatorOptions(1 << 30), maximumCachedBytes: 1 << 20 };

describe("CMSSW's caching allocator", () => {
  it('rounds requests up to bins of 2^k bytes between 2^8 and 2^30, larger ones exactly', () => {
    const allocator = new CachingAllocator(fakeDriver().driver, cmsswAllocatorOptions(2 ** 34));
    expect(allocator.binOf(1)).toEqual({ bin: 8, bytes: 256 });
    expect(allocator.binOf(256)).toEqual({ bin: 8, bytes: 256 });
    expect(allocator.binOf(257)).toEqual({ bin: 9, bytes: 512 });
    expect(allocator.binOf(2 ** 30)).toEqual({ bin: 30, bytes: 2 ** 30 });
    expect(allocator.binOf(2 ** 30 + 1)).toEqual({ bin: undefined, bytes: 2 ** 30 + 1 });
  });

  it('reuses a freed block at once on the stream that freed it', () => {
    const { driver, log } = fakeDriver();
    const allocator = new CachingAllocator(driver, options);
    const first = allocator.allocate(1000, 7n);
    allocator.free(first, 7n);
    const second = allocator.allocate(900, 7n);
    expect(second.pointer).toBe(first.pointer);
    expect(log.filter((line) => line.startsWith('alloc'))).toEqual(['alloc 1024']);
    expect(allocator.stats()).toMatchObject({
      requests: 2,
      cacheHits: 1,
      driverAllocations: 1,
      liveBytes: 1024,
      cachedBytes: 0,
    });
  });

  it('gives a block to another stream only after the freeing stream passed the free', () => {
    const { driver, complete } = fakeDriver();
    const allocator = new CachingAllocator(driver, options);
    const block = allocator.allocate(1000, 7n);
    allocator.free(block, 7n);
    const elsewhere = allocator.allocate(1000, 8n);
    expect(elsewhere.pointer).not.toBe(block.pointer);
    allocator.free(elsewhere, 8n);
    complete(1n);
    expect(allocator.allocate(1000, 9n).pointer).toBe(block.pointer);
  });

  it('returns memory to the driver above the cache limit and above the largest bin', () => {
    const { driver, log } = fakeDriver();
    const allocator = new CachingAllocator(driver, { ...options, maximumCachedBytes: 2048 });
    const blocks = [allocator.allocate(1024), allocator.allocate(1024), allocator.allocate(1024)];
    for (const block of blocks) allocator.free(block, undefined);
    expect(allocator.stats()).toMatchObject({ cachedBytes: 2048, driverFrees: 1, liveBytes: 0 });
    const huge = allocator.allocate(2 ** 31);
    allocator.free(huge, 3n);
    expect(log.at(-1)).toBe(`free ${huge.pointer.toString(16)}`);
  });

  it('frees its cache and retries once when the driver is out of memory, then says how much was asked and held', () => {
    const retried = fakeDriver();
    const allocator = new CachingAllocator(retried.driver, options);
    const cached = allocator.allocate(4096);
    allocator.free(cached, undefined);
    retried.failNext(1);
    expect(allocator.allocate(100_000).bytes).toBe(131072);
    expect(retried.log).toContain(`free ${cached.pointer.toString(16)}`);

    const failing = new CachingAllocator(fakeDriver({ failAllocations: 2 }).driver, options);
    expect(() => failing.allocate(5000)).toThrow(
      /out of device memory: asked for 8192 bytes; the caching allocator had 0 bytes cached \(now released\) and 0 bytes in use/,
    );
  });
});
