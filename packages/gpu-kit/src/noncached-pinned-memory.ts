import type { DeviceV1, MappedMemoryFlagsV1, MemoryV1 } from '@alpaka-ts/interface/backend';
import type { HostCallbacks } from './host-callbacks';
import type { GpuNativeAddon } from './native-binding';

// The driver's host-allocation flags: cuMemHostAlloc's CU_MEMHOSTALLOC_* and hipHostMalloc's flags share them.
const portableBit = 0x1;
const mappedBit = 0x2;
const writeCombinedBit = 0x4;

/** The driver's flag bits of `flags`. */
export function hostAllocationFlagBits(flags: MappedMemoryFlagsV1): number {
  return (
    (flags.portable ? portableBit : 0) | (flags.mapped ? mappedBit : 0) | (flags.writeCombined ? writeCombinedBit : 0)
  );
}

/** The last stream that copied to or from the memory, and its device: the free waits for it. */
interface LastUse {
  stream: bigint | undefined;
  device: number;
}

/** One driver allocation, as its finaliser sees it. */
export interface NoncachedAllocation {
  readonly addon: GpuNativeAddon;
  readonly callbacks: HostCallbacks;
  /** The device whose context allocated it (and frees it). */
  readonly device: number;
  readonly pointer: bigint;
  readonly lastUse: LastUse;
}

function free({ addon, device, pointer }: NoncachedAllocation): void {
  try {
    addon.pinnedFree(device, pointer);
  } catch {
    // The process may be shutting down with the context gone.
  }
}

// Given back to the driver when its ArrayBuffer is collected (what typed arrays keep alive), as CMSSW's noncached
// host_unique_ptr frees with cudaFreeHost in its deleter; after the last stream that copied it has passed that
// copy, so a buffer dropped right after a memcpy is not freed under the transfer.
export function releaseNoncachedAllocation(allocation: NoncachedAllocation): void {
  const { stream, device } = allocation.lastUse;
  if (stream === undefined) {
    free(allocation);
    return;
  }
  try {
    allocation.callbacks.enqueue(device, stream, false, () => free(allocation));
  } catch {
    free(allocation);
  }
}

const freeing = new FinalizationRegistry<NoncachedAllocation>(releaseNoncachedAllocation);

/**
 * Pinned host memory straight from the driver, with allocation flags, outside the caching host allocator
 * (CMSSW's make_host_noncached_unique): an ArrayBuffer over page-locked memory, so copies are asynchronous.
 */
export class NoncachedPinnedMemory implements MemoryV1 {
  readonly hostArrayBuffer: ArrayBuffer;
  /** The driver's flag bits it was allocated with. */
  readonly flagBits: number;
  readonly #lastUse: LastUse;

  constructor(
    readonly device: DeviceV1,
    readonly byteLength: number,
    flags: MappedMemoryFlagsV1,
    addon: GpuNativeAddon,
    callbacks: HostCallbacks,
    deviceIndex: number,
  ) {
    this.flagBits = hostAllocationFlagBits(flags);
    const pointer = addon.pinnedAllocate(deviceIndex, byteLength, this.flagBits);
    this.#lastUse = { stream: undefined, device: deviceIndex };
    const allocation = { addon, callbacks, device: deviceIndex, pointer, lastUse: this.#lastUse };
    try {
      this.hostArrayBuffer = addon.pinnedArrayBuffer(pointer, byteLength);
    } catch (error) {
      free(allocation);
      throw error;
    }
    freeing.register(this.hostArrayBuffer, allocation);
  }

  /** The stream of the last copy that used the memory (undefined: none), which its free waits for. */
  get lastUsedStream(): bigint | undefined {
    return this.#lastUse.stream;
  }

  /** A copy on `stream` of device `device` uses the memory: its free waits for that stream. */
  usedOn(stream: bigint, device: number): void {
    this.#lastUse.stream = stream;
    this.#lastUse.device = device;
  }
}
