import { type Extent3, hostBytes, type MemoryV1, type RegionV1 } from '@alpaka-ts/interface/backend';
import { DeviceMemory, PinnedMemory } from './gpu-memory';

/*
 * Why pageable copies are staged here: the driver copies pageable host memory synchronously, and it first
 * waits for the stream to reach the copy. A host task earlier on that stream holds the stream until JavaScript
 * has run it, and JavaScript is the thread waiting inside the copy: both wait forever. Staging through a pinned
 * block leaves the driver an asynchronous copy, so no driver call made from JavaScript waits for a stream.
 */

/** JavaScript's own host memory (an ArrayBuffer, the WebAssembly heap): host memory that is not pinned. */
export function isPageableHost(memory: MemoryV1): boolean {
  return !(memory instanceof PinnedMemory) && !(memory instanceof DeviceMemory) && memory.hostArrayBuffer !== undefined;
}

/** The staging region's shape: the extent's rows packed back to back. */
export const packedRegion = (memory: MemoryV1, extent: Extent3): RegionV1 => ({
  memory,
  byteOffset: 0,
  rowPitchBytes: extent[2],
  slicePitchBytes: extent[2] * extent[1],
});

function bytesOf(region: RegionV1): Uint8Array {
  const bytes = hostBytes(region.memory);
  if (!bytes) throw new Error('internal error: staging a region JavaScript cannot reach');
  return bytes;
}

/** Copies `from`'s pitched rows over `extent` into `to`'s (both host regions), on the CPU. */
export function copyHostRegion(to: RegionV1, from: RegionV1, extent: Extent3): void {
  const [depth, height, width] = extent;
  const destination = bytesOf(to);
  const source = bytesOf(from);
  for (let slice = 0; slice < depth; slice++) {
    for (let row = 0; row < height; row++) {
      const sourceAt = from.byteOffset + slice * from.slicePitchBytes + row * from.rowPitchBytes;
      const destinationAt = to.byteOffset + slice * to.slicePitchBytes + row * to.rowPitchBytes;
      destination.set(source.subarray(sourceAt, sourceAt + width), destinationAt);
    }
  }
}
