import type { AcceleratorLimits } from '@alpaka-ts/interface';

const maxIndex = 0xffffffff;

/**
 * AccCpuSerial runs one thread per block; blocks and elements are limited only by the u32 index type.
 * Dynamic shared memory is capped at 48 KiB, CUDA's default, so a kernel that runs here fits a GPU too.
 */
export const serialLimits: AcceleratorLimits = Object.freeze({
  maxBlocksPerGrid: Object.freeze([maxIndex, maxIndex, maxIndex]),
  maxThreadsPerBlock: Object.freeze([1, 1, 1]),
  maxThreadsPerBlockTotal: 1,
  maxElementsPerThread: maxIndex,
  maxDynamicSharedMemoryBytes: 48 * 1024,
});
