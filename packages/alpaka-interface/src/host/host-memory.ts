import type { DeviceV1, Extent3, MemoryV1, RegionV1 } from '../backend';
import type { ElementType } from '../element-types';
import { InvalidArgumentError } from '../errors';

/**
 * Host memory that JavaScript reads directly: an allocation in the host heap (hostArrayBuffer is then the
 * heap's memory and hostByteOffset where the allocation starts), or an ArrayBuffer of its own.
 */
export class HostMemory implements MemoryV1 {
  constructor(
    readonly device: DeviceV1,
    readonly hostArrayBuffer: ArrayBufferLike,
    readonly hostByteOffset = 0,
    readonly byteLength = hostArrayBuffer.byteLength,
  ) {}
}

/** The bytes of host-readable memory, exactly: offset 0 is the memory's first byte. */
export function hostBytes(memory: MemoryV1): Uint8Array | undefined {
  const arrayBuffer = memory.hostArrayBuffer;
  if (!arrayBuffer) return undefined;
  return new Uint8Array(arrayBuffer, memory.hostByteOffset ?? 0, memory.byteLength);
}

/**
 * Where a region's first byte is in its memory's hostArrayBuffer: the memory's start there (host heap
 * allocations start inside the heap) plus the region's offset in the memory.
 */
export const hostStart = (region: { readonly memory: MemoryV1; readonly byteOffset: number }): number =>
  (region.memory.hostByteOffset ?? 0) + region.byteOffset;

/**
 * Refuses, when the operation is enqueued, a region JavaScript cannot reach: memory of another device (a host
 * queue cannot copy into or out of GPU memory) or an ArrayBuffer that was detached or shrunk since the buffer
 * was made. Checked at enqueue so that the error reaches the caller, not a later queue.wait().
 */
export function checkHostRegion(region: RegionV1, what: string): void {
  const arrayBuffer = region.memory.hostArrayBuffer;
  if (!arrayBuffer) {
    throw new InvalidArgumentError(
      `${what} is memory of ${region.memory.device.name}, which a host queue cannot reach; enqueue this operation into a queue of that device.`,
    );
  }
  if ((region.memory.hostByteOffset ?? 0) + region.memory.byteLength > arrayBuffer.byteLength) {
    throw new InvalidArgumentError(
      `${what} is a host buffer whose ArrayBuffer was detached or shrunk (it holds ${arrayBuffer.byteLength} bytes now); make a new buffer over live memory.`,
    );
  }
}

function bytesOf(region: RegionV1, what: string): Uint8Array {
  checkHostRegion(region, what);
  return hostBytes(region.memory) as Uint8Array;
}

/** Calls visit(destinationByteOffset, sourceByteOffset) once per row of a pitched 3D extent. */
function forEachRow(
  destination: RegionV1,
  source: RegionV1 | undefined,
  extent: Extent3,
  visit: (to: number, from: number) => void,
): void {
  const [depth, height] = extent;
  for (let slice = 0; slice < depth; slice++) {
    for (let row = 0; row < height; row++) {
      const to = destination.byteOffset + slice * destination.slicePitchBytes + row * destination.rowPitchBytes;
      const from = source ? source.byteOffset + slice * source.slicePitchBytes + row * source.rowPitchBytes : 0;
      visit(to, from);
    }
  }
}

/** Row-by-row copy between host-accessible regions; overlapping regions copy as if through a temporary. */
export function copyHostRegions(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
  const width = extentBytes[2];
  if (width === 0) return;
  const to = bytesOf(destination, 'the copy destination');
  const from = bytesOf(source, 'the copy source');
  forEachRow(destination, source, extentBytes, (toOffset, fromOffset) => {
    to.set(from.subarray(fromOffset, fromOffset + width), toOffset);
  });
}

export function setHostRegion(destination: RegionV1, byteValue: number, extentBytes: Extent3): void {
  const width = extentBytes[2];
  const bytes = bytesOf(destination, 'the memset destination');
  forEachRow(destination, undefined, extentBytes, (offset) => bytes.fill(byteValue, offset, offset + width));
}

export function fillHostRegion(
  destination: RegionV1,
  elementType: ElementType,
  value: number,
  extentElements: Extent3,
): void {
  const bytes = bytesOf(destination, 'the fill destination');
  const width = extentElements[2];
  const converted = elementType.convert(value);
  forEachRow(destination, undefined, extentElements, (offset) => {
    new elementType.arrayConstructor(bytes.buffer, bytes.byteOffset + offset, width).fill(converted);
  });
}
