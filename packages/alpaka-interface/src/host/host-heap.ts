import { HostHeapUnavailableError, InvalidArgumentError } from '../errors';
import { assertOnlyInterfaceCopy } from '../interface-instance';
import { type WebAssemblyMemory, webAssembly, webAssemblyPageBytes } from './webassembly-api';

/**
 * Allocations start on 128-byte boundaries: CMSSW's portable collections assert that their buffers are aligned
 * to the SoA layout's default alignment of 128 (and every element type, cache line and SIMD vector aligns).
 */
export const heapAlignment = 128;
/** 4 GiB: the most a 32-bit WebAssembly memory addresses. */
const maximumPages = 65536;

/** Rounds a request up to whole alignment units (at least one), after checking it is a byte count. */
function alignedSize(byteLength: number, operation: string): number {
  if (typeof byteLength !== 'number' || !Number.isSafeInteger(byteLength) || byteLength < 0) {
    throw new InvalidArgumentError(
      `host heap ${operation}: ${String(byteLength)} is not a byte count (a non-negative integer); an element type without a byteSize, or a NaN extent, gives this.`,
    );
  }
  return Math.max(heapAlignment, Math.ceil(byteLength / heapAlignment) * heapAlignment);
}

/** One allocation in the heap: an ArrayBuffer object of its own over the whole memory, and where it starts. */
export interface HeapAllocation {
  /**
   * A SharedArrayBuffer over the heap's memory, made for this allocation alone: typed arrays over the
   * allocation (and any made from them) hold it, so the allocation returns to the heap only when the last of
   * them is collected.
   */
  readonly arrayBuffer: SharedArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
}

interface FreeRange {
  offset: number;
  size: number;
}

/**
 * Host memory that WebAssembly kernels address directly: one shared WebAssembly.Memory (a SharedArrayBuffer, so
 * growing it detaches nothing), carved into allocations by first fit over an address-ordered free list with
 * coalescing, and grown by doubling up to 4 GiB. Memory comes back zeroed, as a new ArrayBuffer's does.
 * Allocations are returned by garbage collection of their ArrayBuffer objects (FinalizationRegistry).
 */
export class HostHeap {
  readonly available = true;
  readonly reason = '';
  readonly memory: WebAssemblyMemory;
  /** Free ranges below `top`, by ascending offset, never adjacent (they are merged). */
  private readonly free: FreeRange[] = [];
  /** The end of the carved part; above it the memory is free. */
  private top = 0;
  /** The ArrayBuffer objects this heap handed out, to tell its memory from other SharedArrayBuffers. */
  private readonly handedOut = new WeakSet<ArrayBufferLike>();
  private readonly returned = new FinalizationRegistry<{ offset: number; size: number }>((range) =>
    this.release(range.offset, range.size),
  );

  constructor(initialPages = 16) {
    this.memory = new webAssembly.Memory({ initial: initialPages, maximum: maximumPages, shared: true });
  }

  /**
   * The heap, or why the process has none: V8 reserves the whole 4 GiB address range of a WebAssembly memory
   * (and its guard region) up front, which an address-space limit (`ulimit -v`) refuses. Without a heap, host
   * buffers are ordinary ArrayBuffers and CPU backends run kernels through their JavaScript emitter.
   */
  static reserve(initialPages?: number): HostHeap | HostHeapUnavailable {
    try {
      return new HostHeap(initialPages);
    } catch (error) {
      return new HostHeapUnavailable(
        `the host heap could not reserve its 4 GiB WebAssembly memory (${(error as Error).message}); an address-space limit such as 'ulimit -v' refuses it. Host buffers are plain ArrayBuffers and CPU kernels run as JavaScript, slower; lift the limit (ulimit -v unlimited) for WebAssembly kernels.`,
        { cause: error },
      );
    }
  }

  /** Bytes the heap has carved out and not got back. */
  get bytesInUse(): number {
    return this.top - this.free.reduce((sum, range) => sum + range.size, 0);
  }

  /** Free ranges and the top, for tests of the bookkeeping. */
  layout(): { readonly free: readonly Readonly<FreeRange>[]; readonly top: number } {
    return { free: this.free.map((range) => ({ ...range })), top: this.top };
  }

  /**
   * Carves `byteLength` bytes out of the heap, zeroed; undefined when the 4 GiB memory cannot hold them (the
   * caller then uses an ordinary ArrayBuffer, which WebAssembly kernels cannot reach).
   */
  allocate(byteLength: number): HeapAllocation | undefined {
    const size = alignedSize(byteLength, 'allocate');
    const offset = this.takeZeroed(size);
    if (offset === undefined) return undefined;
    const arrayBuffer = structuredClone(this.memory.buffer);
    this.handedOut.add(arrayBuffer);
    this.returned.register(arrayBuffer, { offset, size });
    return { arrayBuffer, byteOffset: offset, byteLength };
  }

  /** Whether `arrayBuffer` is this heap's memory (an allocation's buffer), so addresses in it reach WebAssembly. */
  owns(arrayBuffer: ArrayBufferLike | undefined): boolean {
    return arrayBuffer !== undefined && this.handedOut.has(arrayBuffer);
  }

  /**
   * Lends `byteLength` zeroed bytes for the duration of `use` (a launch's block-shared memory), then takes them
   * back; undefined when the heap cannot hold them.
   */
  borrow<T>(byteLength: number, use: (byteOffset: number) => T): { readonly result: T } | undefined {
    const size = alignedSize(byteLength, 'borrow');
    const offset = this.takeZeroed(size);
    if (offset === undefined) return undefined;
    try {
      return { result: use(offset) };
    } finally {
      this.release(offset, size);
    }
  }

  /**
   * Takes a range and zeroes it. Only pages the memory gains while taking it are known to be zero: anything
   * below the old end may have been written, through a free range's last owner or through the whole-heap
   * buffer that arrays over an allocation expose (a kernel or a program writing past its allocation).
   */
  private takeZeroed(size: number): number | undefined {
    const grownFrom = this.memory.buffer.byteLength;
    const offset = this.take(size);
    if (offset === undefined) return undefined;
    if (offset < grownFrom) new Uint8Array(this.memory.buffer, offset, Math.min(size, grownFrom - offset)).fill(0);
    return offset;
  }

  /** The offset of a free range of `size` bytes, taken out of the free list or from the top. */
  private take(size: number): number | undefined {
    for (let index = 0; index < this.free.length; index++) {
      const range = this.free[index] as FreeRange;
      if (range.size < size) continue;
      const offset = range.offset;
      if (range.size === size) this.free.splice(index, 1);
      else {
        range.offset += size;
        range.size -= size;
      }
      return offset;
    }
    if (!this.reserve(this.top + size)) return undefined;
    const offset = this.top;
    this.top += size;
    return offset;
  }

  /** Grows the memory to hold `end` bytes: doubling, or just enough when doubling passes the maximum. */
  private reserve(end: number): boolean {
    const current = this.memory.buffer.byteLength;
    if (end <= current) return true;
    const needed = Math.ceil((end - current) / webAssemblyPageBytes);
    const currentPages = current / webAssemblyPageBytes;
    for (const pages of [Math.max(needed, currentPages), needed]) {
      if (currentPages + pages > maximumPages) continue;
      try {
        this.memory.grow(pages);
        return true;
      } catch {
        // The system refused the larger step; try the exact one.
      }
    }
    return false;
  }

  /** Gives a range back: merged with free neighbours, and given up from the top when it is the last. */
  release(offset: number, size: number): void {
    let index = 0;
    while (index < this.free.length && (this.free[index] as FreeRange).offset < offset) index++;
    const before = this.free[index - 1];
    const after = this.free[index];
    let range: FreeRange;
    if (before && before.offset + before.size === offset) {
      before.size += size;
      range = before;
      index -= 1;
    } else {
      range = { offset, size };
      this.free.splice(index, 0, range);
    }
    if (after && range.offset + range.size === after.offset) {
      range.size += after.size;
      this.free.splice(index + 1, 1);
    }
    if (range.offset + range.size === this.top) {
      this.top = range.offset;
      this.free.splice(index, 1);
    }
  }
}

/** What stands for the host heap when the process could not reserve one: every request says no, with the reason. */
export class HostHeapUnavailable {
  readonly available = false;
  constructor(
    readonly reason: string,
    private readonly options?: ErrorOptions,
  ) {}
  get memory(): never {
    throw new HostHeapUnavailableError(this.reason, this.options);
  }
  get bytesInUse(): number {
    return 0;
  }
  allocate(byteLength: number): undefined {
    alignedSize(byteLength, 'allocate');
    return undefined;
  }
  owns(_arrayBuffer: ArrayBufferLike | undefined): boolean {
    return false;
  }
  borrow<T>(byteLength: number, _use: (byteOffset: number) => T): undefined {
    alignedSize(byteLength, 'borrow');
    return undefined;
  }
}

let processHeap: HostHeap | HostHeapUnavailable | undefined;

/**
 * The process's host heap, reserved on first use; every host allocation of the host platform comes from it.
 * Where the process cannot reserve one, a stand-in that holds nothing and says why (`available: false`).
 */
export function hostHeap(): HostHeap | HostHeapUnavailable {
  if (processHeap === undefined) {
    assertOnlyInterfaceCopy();
    processHeap = HostHeap.reserve();
  }
  return processHeap;
}
