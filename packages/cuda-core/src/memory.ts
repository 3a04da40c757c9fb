import {
  allocAsyncBuf,
  allocMappedBuf,
  allocMappedNoncachedBuf,
  type Buffer,
  type Device,
  type ElementType,
  type ExtentLike,
  InvalidArgumentError,
  type Queue,
} from '@alpaka-ts/interface';

/**
 * CMSSW's cms::cuda::make_device_unique<T[]>(n, stream) (CUDACore/device_unique_ptr.h): device memory for `extents`
 * elements from the backend's caching allocator, ordered on `stream` (usable by work enqueued there after this
 * call; its block goes back to the cache when the buffer is collected, reusable on that stream at once).
 */
export function makeDeviceUnique<T extends ElementType>(elementType: T, extents: ExtentLike, stream: Queue): Buffer<T> {
  return allocAsyncBuf(stream, elementType, extents);
}

/**
 * CMSSW's cms::cuda::make_host_unique<T[]>(n, stream) (CUDACore/host_unique_ptr.h): pinned host memory from the
 * caching host allocator, associated with `stream` (the block is reused only once the stream has passed its
 * free), so copies between it and the device run asynchronously.
 */
export function makeHostUnique<T extends ElementType>(elementType: T, extents: ExtentLike, stream: Queue): Buffer<T> {
  return allocMappedBuf(stream.device.platform, elementType, extents, stream);
}

/** CUDA's host-allocation flags (cudaHostAlloc), for makeHostNoncachedUnique. */
export const cudaHostAllocDefault = 0;
export const cudaHostAllocPortable = 1;
export const cudaHostAllocMapped = 2;
export const cudaHostAllocWriteCombined = 4;
const allFlags = cudaHostAllocPortable | cudaHostAllocMapped | cudaHostAllocWriteCombined;

/**
 * CMSSW's cms::cuda::make_host_noncached_unique<T[]>(n, flags) (CUDACore/host_noncached_unique_ptr.h): pinned host
 * memory straight from cudaHostAlloc in `device`'s context (CMSSW's current device: a context's `device`) with
 * `flags` (cudaHostAllocDefault, …Portable, …Mapped, …WriteCombined, or'ed), outside the caching allocator: for
 * buffers that live long, or write-combined ones the GPU reads. Without cudaHostAllocPortable it is pinned for that
 * device only. Given back with cudaFreeHost once collected and the last stream that copied it passed that copy.
 */
export function makeHostNoncachedUnique<T extends ElementType>(
  elementType: T,
  extents: ExtentLike,
  device: Device,
  flags: number = cudaHostAllocDefault,
): Buffer<T> {
  if (!Number.isInteger(flags) || flags < 0 || (flags & ~allFlags) !== 0) {
    throw new InvalidArgumentError(
      `makeHostNoncachedUnique: ${String(flags)} is not a combination of cudaHostAllocDefault (0), cudaHostAllocPortable (1), cudaHostAllocMapped (2) and cudaHostAllocWriteCombined (4).`,
    );
  }
  return allocMappedNoncachedBuf(device, elementType, extents, {
    portable: (flags & cudaHostAllocPortable) !== 0,
    mapped: (flags & cudaHostAllocMapped) !== 0,
    writeCombined: (flags & cudaHostAllocWriteCombined) !== 0,
  });
}
