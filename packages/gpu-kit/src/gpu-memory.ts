import { InvalidArgumentError } from '@alpaka-ts/interface';
import { type DeviceV1, hostBytes, type MemoryV1 } from '@alpaka-ts/interface/backend';
import type { Block, CachingAllocator } from './caching-allocator';
import { NoncachedPinnedMemory } from './noncached-pinned-memory';

/** The stream that last used a device buffer: its block is reused elsewhere only after that stream passes. */
export interface MemoryUsage {
  lastStream: bigint | undefined;
}

// When a device buffer is collected, its block goes back to the device's caching allocator, marked with the
// last stream that used it. (The held value must not reference the memory object, or it would never be collected.)
const returning = new FinalizationRegistry<{ allocator: CachingAllocator; block: Block; usage: MemoryUsage }>(
  ({ allocator, block, usage }) => {
    try {
      allocator.free(block, usage.lastStream);
    } catch {
      // The process may be shutting down with the context gone; nothing is left to return then.
    }
  },
);

/** Memory on a GPU: a device pointer JavaScript cannot read, from the device's caching allocator. */
export class DeviceMemory implements MemoryV1 {
  readonly hostArrayBuffer = undefined;
  readonly pointer: bigint;
  /** The pointer as a number, for writing launch arguments without BigInt arithmetic: device addresses fit in 48 bits. */
  readonly address: number;
  readonly usage: MemoryUsage;

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly byteLength: number,
    block: Block,
    allocator: CachingAllocator | undefined,
    stream?: bigint,
  ) {
    this.pointer = block.pointer;
    this.address = Number(block.pointer);
    if (!Number.isSafeInteger(this.address))
      throw new Error(`internal error: device address ${block.pointer} does not fit a double`);
    this.usage = { lastStream: stream };
    if (allocator) returning.register(this, { allocator, block, usage: this.usage });
  }
}

// A pinned block goes back to the host allocator when its ArrayBuffer is collected: the ArrayBuffer, not the
// memory object, is what typed arrays keep alive, so no JavaScript can reach the block once it is reused.
const returningPinned = new FinalizationRegistry<{
  allocator: CachingAllocator;
  block: Block;
  usage: MemoryUsage;
}>(({ allocator, block, usage }) => {
  try {
    allocator.free(block, usage.lastStream);
  } catch {
    // The process may be shutting down with the context gone.
  }
});

/**
 * Pinned host memory from the caching host allocator: an ArrayBuffer over page-locked memory, so copies to and
 * from it are asynchronous. A reused block keeps what it held (as CMSSW's does): write before reading.
 */
export class PinnedMemory implements MemoryV1 {
  readonly hostArrayBuffer: ArrayBuffer;
  readonly usage: MemoryUsage;

  constructor(
    readonly device: DeviceV1,
    readonly byteLength: number,
    block: Block,
    allocator: CachingAllocator,
    arrayBufferOver: (pointer: bigint, bytes: number) => ArrayBuffer,
    stream: bigint | undefined,
  ) {
    this.hostArrayBuffer = arrayBufferOver(block.pointer, byteLength);
    this.usage = { lastStream: stream };
    returningPinned.register(this.hostArrayBuffer, { allocator, block, usage: this.usage });
  }
}

/** One side of a copy as the addon takes it: a device pointer of this queue's platform, or host memory. */
export function copySide(
  queue: { readonly device: DeviceV1; readonly stream: bigint; readonly backendName: string },
  memory: MemoryV1,
  what: string,
): bigint | Uint8Array {
  if (memory instanceof DeviceMemory && memory.device.platform === queue.device.platform) {
    memory.usage.lastStream = queue.stream;
    return memory.pointer;
  }
  if (memory instanceof PinnedMemory) memory.usage.lastStream = queue.stream;
  else if (memory instanceof NoncachedPinnedMemory) memory.usedOn(queue.stream, queue.device.index);
  // Exactly the memory's bytes: host heap allocations start inside a SharedArrayBuffer over the whole heap.
  const bytes = hostBytes(memory);
  if (bytes) return bytes;
  throw new InvalidArgumentError(
    `the ${what} is memory of ${memory.device.name}, which ${queue.backendName} cannot reach; copy it through host memory.`,
  );
}
