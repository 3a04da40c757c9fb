import {
  allocAsyncBuf,
  allocMappedBuf,
  type Buffer,
  type ElementType,
  type ExtentLike,
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
