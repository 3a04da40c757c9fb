import { InvalidArgumentError, OutOfMemoryError } from '@alpaka-ts/interface';
import type { CachingAllocatorConfigV1, CachingAllocatorFillV1 } from '@alpaka-ts/interface/backend';

/** What the allocator needs from a device: raw allocation, and events to know when a queue passed a point. */
export interface AllocatorDriver {
  allocate(bytes: number): bigint;
  free(pointer: bigint): void;
  /** An event recorded now on the stream: the point the stream must pass before the memory is reused elsewhere. */
  recordEvent(stream: bigint): bigint;
  eventComplete(event: bigint): boolean;
  /** The allocator no longer needs this event (its block left the cache): it may be recorded again. */
  releaseEvent(event: bigint): void;
  /** Is this error an out-of-memory failure (then the allocator frees its cache and retries once). */
  isOutOfMemory(error: unknown): boolean;
  /**
   * Writes `value` over the block's bytes, queued on `stream`, or at once when no stream is given (the
   * fill* debugging settings; only called when one is set).
   */
  fill(pointer: bigint, bytes: number, value: number, stream: bigint | undefined): void;
}

export interface CachingAllocatorOptions {
  /** Bins are growth^k bytes, k from minimumBin to maximumBin (CMSSW: growth 2, bins 2^8 … 2^30). */
  readonly growth: number;
  readonly minimumBin: number;
  readonly maximumBin: number;
  /** At most this many bytes stay cached (CMSSW: 0.8 of the device's memory). */
  readonly maximumCachedBytes: number;
  /** The fill* debugging settings: the byte written at each step, none when absent. */
  readonly fill?: CachingAllocatorFillV1;
}

export interface AllocatorStatistics {
  readonly liveBytes: number;
  readonly cachedBytes: number;
  readonly requests: number;
  readonly cacheHits: number;
  readonly driverAllocations: number;
  readonly driverFrees: number;
}

export interface Block {
  readonly pointer: bigint;
  /** The bin's size (what the driver allocated), or the exact size above the largest bin. */
  readonly bytes: number;
  readonly bin: number | undefined;
}

interface CachedBlock extends Block {
  /** The stream that last used the block, and the event recorded there when it was given back. */
  readonly stream: bigint | undefined;
  readonly event: bigint | undefined;
}

/**
 * CMSSW's caching allocator (cub's CachingDeviceAllocator) for one device: requests are rounded up to a bin
 * (growth^k bytes); a freed block is kept in its bin and handed out again, at once to the stream that freed
 * it (stream order makes that safe), and to another stream only once the event recorded at the free has
 * completed. Requests above the largest bin go to the driver directly and back to it when freed.
 */
export class CachingAllocator {
  private readonly cached = new Map<number, CachedBlock[]>();
  private statistics = {
    liveBytes: 0,
    cachedBytes: 0,
    requests: 0,
    cacheHits: 0,
    driverAllocations: 0,
    driverFrees: 0,
  };

  constructor(
    private readonly driver: AllocatorDriver,
    private options: CachingAllocatorOptions,
  ) {}

  /** New bins and cache limit for what is allocated from now on (AlpakaService's allocator PSets). */
  configure(options: CachingAllocatorOptions): void {
    this.options = options;
  }

  /** The options in force. */
  get configuration(): CachingAllocatorOptions {
    return this.options;
  }

  /** The bin of a request: the smallest growth^k ≥ bytes, at least growth^minimumBin; undefined above the largest. */
  binOf(bytes: number): { bin: number | undefined; bytes: number } {
    const { growth, minimumBin, maximumBin } = this.options;
    let bin = minimumBin;
    let size = growth ** bin;
    while (size < bytes && bin < maximumBin) {
      bin += 1;
      size *= growth;
    }
    if (size < bytes) return { bin: undefined, bytes };
    return { bin, bytes: size };
  }

  /** A block of at least `bytes`, for use on `stream` (undefined: not stream-ordered, e.g. allocBuf). */
  allocate(bytes: number, stream?: bigint): Block {
    this.statistics.requests += 1;
    const { bin, bytes: size } = this.binOf(bytes);
    if (bin !== undefined) {
      const candidates = this.cached.get(bin) ?? [];
      const index = candidates.findIndex(
        (block) =>
          (stream !== undefined && block.stream === stream) ||
          block.event === undefined ||
          this.driver.eventComplete(block.event),
      );
      const reused = index >= 0 ? candidates.splice(index, 1)[0] : undefined;
      if (reused) {
        if (reused.event !== undefined) this.driver.releaseEvent(reused.event);
        this.statistics.cacheHits += 1;
        this.statistics.cachedBytes -= reused.bytes;
        this.statistics.liveBytes += reused.bytes;
        const fill = this.options.fill;
        this.fill(reused.pointer, reused.bytes, fill?.reallocations ?? fill?.allocations, stream);
        return { pointer: reused.pointer, bytes: reused.bytes, bin };
      }
    }
    const pointer = this.allocateFromDriver(size);
    this.statistics.liveBytes += size;
    this.fill(pointer, size, this.options.fill?.allocations, stream);
    return { pointer, bytes: size, bin };
  }

  private fill(pointer: bigint, bytes: number, value: number | undefined, stream: bigint | undefined): void {
    if (value !== undefined) this.driver.fill(pointer, bytes, value, stream);
  }

  private allocateFromDriver(bytes: number): bigint {
    try {
      this.statistics.driverAllocations += 1;
      return this.driver.allocate(bytes);
    } catch (error) {
      if (!this.driver.isOutOfMemory(error)) throw error;
      // Give the cache back to the driver and try once more before failing.
      const held = this.statistics.cachedBytes;
      this.releaseCached();
      try {
        return this.driver.allocate(bytes);
      } catch (retry) {
        if (!this.driver.isOutOfMemory(retry)) throw retry;
        throw new OutOfMemoryError(
          `out of device memory: asked for ${bytes} bytes; the caching allocator had ${held} bytes cached (now released) and ${this.statistics.liveBytes} bytes in use.`,
          { cause: retry },
        );
      }
    }
  }

  /**
   * Takes a block back. `stream` is the last stream that used it (undefined when none did): the block is
   * reused elsewhere only after that stream passes this point. Above the cache limit or the largest bin, the
   * block goes back to the driver (cuMemFree waits for the device, so no stream still uses it).
   */
  free(block: Block, stream: bigint | undefined): void {
    this.statistics.liveBytes -= block.bytes;
    const fill = this.options.fill;
    if (block.bin === undefined || this.statistics.cachedBytes + block.bytes > this.options.maximumCachedBytes) {
      this.fill(block.pointer, block.bytes, fill?.deallocations, stream);
      this.statistics.driverFrees += 1;
      this.driver.free(block.pointer);
      return;
    }
    // As CMSSW's: a block going into the cache gets fillCacheValue, or else fillDeallocationValue.
    this.fill(block.pointer, block.bytes, fill?.caches ?? fill?.deallocations, stream);
    const event = stream === undefined ? undefined : this.driver.recordEvent(stream);
    const list = this.cached.get(block.bin) ?? [];
    list.push({ ...block, stream, event });
    this.cached.set(block.bin, list);
    this.statistics.cachedBytes += block.bytes;
  }

  /** Frees every cached block whose stream has passed its point (all of them once the device is idle). */
  releaseCached(): void {
    for (const [bin, blocks] of this.cached) {
      const kept = blocks.filter((block) => {
        if (block.event !== undefined && !this.driver.eventComplete(block.event)) return true;
        if (block.event !== undefined) this.driver.releaseEvent(block.event);
        this.statistics.cachedBytes -= block.bytes;
        this.statistics.driverFrees += 1;
        this.driver.free(block.pointer);
        return false;
      });
      this.cached.set(bin, kept);
    }
  }

  stats(): AllocatorStatistics {
    return { ...this.statistics };
  }
}

/** CMSSW's defaults for a device of `totalMemoryBytes`. */
export const cmsswAllocatorOptions = (totalMemoryBytes: number): CachingAllocatorOptions => ({
  growth: 2,
  minimumBin: 8,
  maximumBin: 30,
  maximumCachedBytes: Math.floor(0.8 * totalMemoryBytes),
});

/**
 * CMSSW's AllocatorConfig as options: bins binGrowth^minBin … binGrowth^maxBin, and at most
 * min(maxCachedBytes, maxCachedFraction × memory) cached, a 0 meaning no limit from that side. Bad values are
 * refused, saying which.
 */
export function allocatorOptionsOf(config: CachingAllocatorConfigV1, memoryBytes: number): CachingAllocatorOptions {
  const { binGrowth, minBin, maxBin, maxCachedBytes, maxCachedFraction } = config;
  const problems: string[] = [];
  if (!Number.isInteger(binGrowth) || binGrowth < 2) problems.push(`binGrowth ${binGrowth} (an integer ≥ 2)`);
  if (!Number.isInteger(minBin) || minBin < 0) problems.push(`minBin ${minBin} (an integer ≥ 0)`);
  if (!Number.isInteger(maxBin) || maxBin < minBin) problems.push(`maxBin ${maxBin} (an integer ≥ minBin)`);
  if (!(maxCachedBytes >= 0)) problems.push(`maxCachedBytes ${maxCachedBytes} (≥ 0)`);
  if (!(maxCachedFraction >= 0 && maxCachedFraction <= 1))
    problems.push(`maxCachedFraction ${maxCachedFraction} (0 … 1)`);
  for (const [step, value] of Object.entries(config.fill ?? {})) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 255))
      problems.push(`fill.${step} ${value} (a byte, 0 … 255)`);
  }
  if (problems.length > 0) {
    throw new InvalidArgumentError(`caching allocator configuration: ${problems.join(', ')}; fix these values.`);
  }
  const byBytes = maxCachedBytes > 0 ? maxCachedBytes : Number.POSITIVE_INFINITY;
  const byFraction = maxCachedFraction > 0 ? Math.floor(maxCachedFraction * memoryBytes) : Number.POSITIVE_INFINITY;
  return {
    growth: binGrowth,
    minimumBin: minBin,
    maximumBin: maxBin,
    maximumCachedBytes: Math.min(byBytes, byFraction),
    ...(config.fill === undefined ? {} : { fill: config.fill }),
  };
}
