import type { DeviceV1, MappedMemoryFlagsV1, MemoryV1 } from '@alpaka-ts/interface/backend';
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

// Given back to the driver when its ArrayBuffer is collected (what typed arrays keep alive), as CMSSW's
// noncached host_unique_ptr frees with cudaFreeHost in its deleter.
const freeing = new FinalizationRegistry<{ addon: GpuNativeAddon; pointer: bigint }>(({ addon, pointer }) => {
  try {
    addon.pinnedFree(0, pointer);
  } catch {
    // The process may be shutting down with the context gone.
  }
});

/**
 * Pinned host memory straight from the driver, with allocation flags, outside the caching host allocator
 * (CMSSW's make_host_noncached_unique): an ArrayBuffer over page-locked memory, so copies are asynchronous.
 */
export class NoncachedPinnedMemory implements MemoryV1 {
  readonly hostArrayBuffer: ArrayBuffer;
  /** The driver's flag bits it was allocated with. */
  readonly flagBits: number;

  constructor(
    readonly device: DeviceV1,
    readonly byteLength: number,
    flags: MappedMemoryFlagsV1,
    addon: GpuNativeAddon,
    deviceIndex: number,
  ) {
    this.flagBits = hostAllocationFlagBits(flags);
    const pointer = addon.pinnedAllocate(deviceIndex, byteLength, this.flagBits);
    this.hostArrayBuffer = addon.pinnedArrayBuffer(pointer, byteLength);
    freeing.register(this.hostArrayBuffer, { addon, pointer });
  }
}
