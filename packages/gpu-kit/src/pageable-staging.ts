import { type Extent3, hostBytes, type MemoryV1, type RegionV1 } from '@alpaka-ts/interface/backend';
import { DeviceMemory, PinnedMemory } from './gpu-memory';
import type { HostCopySide } from './host-callbacks';
import { NoncachedPinnedMemory } from './noncached-pinned-memory';
import { copyPitchedRows } from './pitched-copy';

/*
 * Why pageable copies are staged here: the driver copies pageable host memory synchronously, and it first
 * waits for the stream to reach the copy. A host task earlier on that stream holds the stream until JavaScript
 * has run it, and JavaScript is the thread waiting inside the copy: both wait forever. Staging through a pinned
 * block leaves the driver an asynchronous copy, so no driver call made from JavaScript waits for a stream.
 */

/** JavaScript's own host memory (an ArrayBuffer, the WebAssembly heap): host memory that is not pinned. */
export function isPageableHost(memory: MemoryV1): boolean {
  return (
    !(memory instanceof PinnedMemory) &&
    !(memory instanceof NoncachedPinnedMemory) &&
    !(memory instanceof DeviceMemory) &&
    memory.hostArrayBuffer !== undefined
  );
}

/** A pinned block of the caching host allocator, lent for one copy and given back once the stream passed it. */
export interface StagingBlock {
  readonly memory: MemoryV1;
  release(): void;
}

/** What staging needs of a GPU queue. */
export interface StagingQueue {
  stagingBlock(byteLength: number): StagingBlock;
  /** Nothing enqueued is still pending (known without asking the driver). */
  isKnownIdle(): boolean;
  /** The driver's copy, between device memory and pinned or device memory. */
  copyDirect(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void;
  /** A copy between host regions on the driver's thread, in stream order, then `then` (not holding the stream). */
  enqueueHostCopy(destination: RegionV1, source: RegionV1, extentBytes: Extent3, then: () => void): void;
  /** Calls back once the stream has passed this point, without holding it. */
  whenPassed(callback: () => void): void;
}

/**
 * A copy with pageable host memory on either side, through pinned staging blocks: the source is packed into one
 * when the stream gets there (earlier work on the queue may still write it; at once when nothing is pending),
 * the destination filled from one once the stream has copied into it, so everything after the copy sees the
 * data. Both host-side copies run on the driver's thread (HostCallbacks.enqueueCopy), not in JavaScript: a
 * stream held for JavaScript would deadlock the next driver call that synchronizes the device (loading a
 * module does). The blocks go back to the allocator as soon as the stream has passed them.
 */
export function copyThroughPinned(
  queue: StagingQueue,
  destination: RegionV1,
  source: RegionV1,
  extent: Extent3,
  stage: { readonly source: boolean; readonly destination: boolean },
): void {
  const bytes = extent[0] * extent[1] * extent[2];
  const sourceBlock = stage.source ? queue.stagingBlock(bytes) : undefined;
  const destinationBlock = stage.destination ? queue.stagingBlock(bytes) : undefined;
  const stagedSource = sourceBlock ? packedRegion(sourceBlock.memory, extent) : source;
  const stagedDestination = destinationBlock ? packedRegion(destinationBlock.memory, extent) : destination;
  if (sourceBlock) {
    if (queue.isKnownIdle()) copyHostRegion(stagedSource, source, extent);
    else queue.enqueueHostCopy(stagedSource, source, extent, () => {});
  }
  queue.copyDirect(stagedDestination, stagedSource, extent);
  const release = () => {
    destinationBlock?.release();
    sourceBlock?.release();
  };
  if (destinationBlock) queue.enqueueHostCopy(destination, stagedDestination, extent, release);
  else queue.whenPassed(release);
}

/** The staging region's shape: the extent's rows packed back to back. */
const packedRegion = (memory: MemoryV1, extent: Extent3): RegionV1 => ({
  memory,
  byteOffset: 0,
  rowPitchBytes: extent[2],
  slicePitchBytes: extent[2] * extent[1],
});

/** A host region as the driver's thread copies it (HostCallbacks.enqueueCopy). */
export const hostCopySide = (region: RegionV1): HostCopySide => ({
  bytes: bytesOf(region),
  byteOffset: region.byteOffset,
  rowPitchBytes: region.rowPitchBytes,
  slicePitchBytes: region.slicePitchBytes,
});

function bytesOf(region: RegionV1): Uint8Array {
  const bytes = hostBytes(region.memory);
  if (!bytes) throw new Error('internal error: staging a region JavaScript cannot reach');
  return bytes;
}

/** Copies `from`'s pitched rows over `extent` into `to`'s (both host regions), on the CPU. */
function copyHostRegion(to: RegionV1, from: RegionV1, extent: Extent3): void {
  copyPitchedRows(hostCopySide(to), hostCopySide(from), extent[2], extent[1], extent[0]);
}
