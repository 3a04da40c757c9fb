import { type BoundsSite, boundsRecordBytes, boundsRecordWords, boundsViolation } from '@alpaka-ts/kernel-compiler';
import type { Block } from './caching-allocator';
import type { GpuDevice } from './gpu-device';
import type { LoadedKernel } from './gpu-kernels';
import type { GpuQueue } from './gpu-queue';
import type { GpuNativeAddon } from './native-binding';
import { pinnedAllocatorOf } from './pinned-allocator';

/**
 * Launches a bounds-checked kernel whose launch record is written (arguments, stream, geometry), all in stream
 * order: its own bounds record (boundsRecordWords u32 of device memory from the caching allocator) set to zero,
 * the kernel, the record copied into pinned host memory, and a host callback that turns a violation into the
 * KernelExecutionError serial_sync gives (boundsViolation: kernel, argument, index, extent). Each launch has
 * its own record, so launches in flight on several queues never share one.
 */
export function launchBoundsChecked(
  queue: GpuQueue,
  kernel: LoadedKernel,
  kernelName: string,
  dynamicSharedBytes: number,
  addon: GpuNativeAddon,
): void {
  const device = queue.device as GpuDevice;
  const record = zeroedRecord(queue, device, addon);
  try {
    kernel.plan.writeBoundsRecord(Number(record.pointer), dynamicSharedBytes);
    addon.launch(kernel.plan.record);
  } catch (error) {
    device.allocator.free(record, queue.stream);
    throw error;
  }
  checkAfterKernel(queue, device, addon, record, kernelName, kernel.boundsSites);
}

/** A record from the device's caching allocator, zeroed on the stream (so before the kernel, after earlier users). */
function zeroedRecord(queue: GpuQueue, device: GpuDevice, addon: GpuNativeAddon): Block {
  const record = device.allocator.allocate(boundsRecordBytes, queue.stream);
  if (!Number.isSafeInteger(Number(record.pointer)))
    throw new Error(`internal error: device address ${record.pointer} does not fit a double`);
  addon.set(
    queue.ordinal,
    queue.stream,
    record.pointer,
    boundsRecordBytes,
    boundsRecordBytes,
    4,
    0,
    boundsRecordWords,
    1,
    1,
  );
  return record;
}

/** After the kernel: the record read back into pinned memory, and checked when the stream has passed the copy. */
function checkAfterKernel(
  queue: GpuQueue,
  device: GpuDevice,
  addon: GpuNativeAddon,
  record: Block,
  kernelName: string,
  sites: readonly BoundsSite[],
): void {
  const pinned = pinnedAllocatorOf(addon, device.vendor.isOutOfMemory);
  const hostBlock = pinned.allocate(boundsRecordBytes, queue.stream);
  // Pinned, so the copy is asynchronous and the stream order (kernel, then copy, then callback) holds.
  const words = new Uint32Array(addon.pinnedArrayBuffer(hostBlock.pointer, boundsRecordBytes));
  addon.copy(
    queue.ordinal,
    queue.stream,
    words.buffer as ArrayBuffer,
    0,
    boundsRecordBytes,
    boundsRecordBytes,
    record.pointer,
    0,
    boundsRecordBytes,
    boundsRecordBytes,
    boundsRecordBytes,
    1,
    1,
  );
  // The device record goes back in stream order now: this stream may reuse it at once (its next memset runs
  // after the copy), another only after an event recorded here has completed.
  device.allocator.free(record, queue.stream);
  queue.enqueueCompletionCheck(() => {
    const violation = boundsViolation(kernelName, words, sites);
    // Read, and the copy long finished: the host block may go to any stream now.
    pinned.free(hostBlock, undefined);
    return violation;
  });
}
