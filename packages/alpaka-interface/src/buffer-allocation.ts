import type { MappedMemoryFlagsV1, MemoryV1 } from './backend';
import { Buffer } from './buffer';
import { Device, host, Platform } from './device';
import type { ElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import { checkedDevice, checkedQueue, checkedType } from './memory-arguments';
import type { Queue } from './queue';
import { describeValue } from './scalar-value';
import { type ExtentLike, getExtentProduct, toVec, type Vec, widenTo3 } from './vector';

// Allocating buffers (alpaka's mem/buf): on a device, in queue order, or mapped (pinned) host memory.

function tightLayout<T extends ElementType>(memory: MemoryV1, elementType: T, extents: Vec): Buffer<T> {
  const [, height, width] = widenTo3(extents, 1);
  const rowPitchBytes = width * elementType.byteSize;
  return new Buffer({
    device: Device.of(memory.device),
    memory,
    elementType,
    extents,
    byteOffset: 0,
    rowPitchBytes,
    slicePitchBytes: rowPitchBytes * height,
    isConst: false,
  });
}
/** Allocates a buffer on a device (alpaka::allocBuf). Zero-size buffers are legal. */
export function allocBuf<T extends ElementType>(device: Device, elementType: T, extents: ExtentLike): Buffer<T> {
  checkedDevice(device, 'allocBuf');
  checkedType(elementType, 'allocBuf');
  const vector = toVec(extents);
  return tightLayout(
    device.implementation.allocate(getExtentProduct(vector) * elementType.byteSize),
    elementType,
    vector,
  );
}

/** Allocates a buffer whose lifetime is ordered by the queue (alpaka::allocAsyncBuf): usable by work enqueued after it. */
export function allocAsyncBuf<T extends ElementType>(queue: Queue, elementType: T, extents: ExtentLike): Buffer<T> {
  checkedQueue(queue, 'allocAsyncBuf');
  checkedType(elementType, 'allocAsyncBuf');
  const vector = toVec(extents);
  const memory = queue.device.implementation.allocate(
    getExtentProduct(vector) * elementType.byteSize,
    queue.implementation,
  );
  return tightLayout(memory, elementType, vector);
}

/**
 * Allocates host memory that the platform's devices copy asynchronously (alpaka::allocMappedBuf: pinned
 * memory on GPU platforms, plain host memory on CPU ones). The buffer belongs to the host device. With a
 * queue, GPU backends order the memory's reuse by it (CMSSW's make_host_unique(queue)).
 */
export function allocMappedBuf<T extends ElementType>(
  platform: Platform,
  elementType: T,
  extents: ExtentLike,
  queue?: Queue,
): Buffer<T> {
  if (!(platform instanceof Platform))
    throw new InvalidArgumentError(
      `allocMappedBuf needs a Platform (hostPlatform(), or device.platform), not ${describeValue(platform)}.`,
    );
  checkedQueue(queue, 'allocMappedBuf', true);
  checkedType(elementType, 'allocMappedBuf');
  const vector = toVec(extents);
  const byteLength = getExtentProduct(vector) * elementType.byteSize;
  if (queue !== undefined && queue.device.platform !== platform) {
    throw new InvalidArgumentError(
      `allocMappedBuf: the queue runs on ${queue.device}, not on platform ${platform.name}; pass a queue of that platform or none.`,
    );
  }
  const firstDevice = platform.implementation.devices()[0];
  const memory =
    firstDevice?.allocateMapped?.(byteLength, queue?.implementation) ?? host().implementation.allocate(byteLength);
  return tightLayout(memory, elementType, vector);
}

/** The allocation flags of allocMappedNoncachedBuf (each false when not given). */
export type MappedMemoryFlags = Partial<MappedMemoryFlagsV1>;

const mappedMemoryFlagNames: readonly (keyof MappedMemoryFlagsV1)[] = ['portable', 'mapped', 'writeCombined'];

function checkedMappedMemoryFlags(flags: unknown): MappedMemoryFlagsV1 {
  if (typeof flags !== 'object' || flags === null)
    throw new InvalidArgumentError(
      `allocMappedNoncachedBuf takes its flags as an object ({ portable, mapped, writeCombined }), not ${describeValue(flags)}.`,
    );
  const record = flags as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(mappedMemoryFlagNames as readonly string[]).includes(key))
      throw new InvalidArgumentError(
        `allocMappedNoncachedBuf: '${key}' is not an allocation flag; the flags are ${mappedMemoryFlagNames.join(', ')}.`,
      );
    if (typeof record[key] !== 'boolean')
      throw new InvalidArgumentError(
        `allocMappedNoncachedBuf: the flag '${key}' is true or false, not ${describeValue(record[key])}.`,
      );
  }
  return {
    portable: record.portable === true,
    mapped: record.mapped === true,
    writeCombined: record.writeCombined === true,
  };
}

/**
 * Allocates pinned host memory straight from the driver in `device`'s context, with allocation flags and no cache
 * (CMSSW's cms::cuda::make_host_noncached_unique(n, flags) on the current device): for long-lived buffers, or
 * write-combined ones the GPU reads. Without `portable` the memory is pinned for that device only (other GPUs
 * copy it as pageable memory). Each call is a driver allocation (slow: the caching allocMappedBuf is for per-event
 * buffers); the memory goes back to the driver once the buffer is collected and the last stream that copied it
 * has passed that copy. Plain host memory for devices without pinned memory (CPUs).
 */
export function allocMappedNoncachedBuf<T extends ElementType>(
  device: Device,
  elementType: T,
  extents: ExtentLike,
  flags: MappedMemoryFlags = {},
): Buffer<T> {
  checkedDevice(device, 'allocMappedNoncachedBuf');
  checkedType(elementType, 'allocMappedNoncachedBuf');
  const checkedFlags = checkedMappedMemoryFlags(flags);
  const vector = toVec(extents);
  const byteLength = getExtentProduct(vector) * elementType.byteSize;
  const memory =
    device.implementation.allocateMappedNoncached?.(byteLength, checkedFlags) ??
    host().implementation.allocate(byteLength);
  return tightLayout(memory, elementType, vector);
}
