import { Buffer } from './buffer';
import { host } from './device';
import { type ElementType, f32, f64, i8, i16, i32, type TypedArray, u8, u16, u32 } from './element-types';
import { InvalidArgumentError } from './errors';
import { HostMemory } from './host/host-memory';
import { describeValue } from './scalar-value';
import { type ExtentLike, formatVec, getExtentProduct, toVec, widenTo3 } from './vector';

// Views (alpaka's mem/view): a buffer over memory that is already there, a part of a buffer, a read-only buffer.

const elementTypeByArray = new Map<unknown, ElementType>([
  [Int8Array, i8],
  [Uint8Array, u8],
  [Int16Array, i16],
  [Uint16Array, u16],
  [Int32Array, i32],
  [Uint32Array, u32],
  [Float32Array, f32],
  [Float64Array, f64],
]);

/** A host buffer over an existing typed array, without copying (alpaka::createView over host memory). */
export function createView(array: TypedArray, extents?: ExtentLike): Buffer {
  const elementType = ArrayBuffer.isView(array) ? elementTypeByArray.get(array.constructor) : undefined;
  if (!elementType)
    throw new InvalidArgumentError(
      `createView needs a typed array (Float32Array, Int32Array, Uint8Array …), not ${describeValue(array)}.`,
    );
  const vector = toVec(extents ?? array.length);
  if (getExtentProduct(vector) !== array.length) {
    throw new InvalidArgumentError(
      `createView: extents ${formatVec(vector)} hold ${getExtentProduct(vector)} elements; the array has ${array.length}.`,
    );
  }
  const [, height, width] = widenTo3(vector, 1);
  const rowPitchBytes = width * elementType.byteSize;
  const device = host();
  const memory = new HostMemory(device.implementation, array.buffer);
  return new Buffer({
    device,
    memory,
    elementType,
    extents: vector,
    byteOffset: array.byteOffset,
    rowPitchBytes,
    slicePitchBytes: rowPitchBytes * height,
    isConst: false,
  });
}

/** A view of part of a buffer (alpaka::createSubView): the same memory, extents and offsets in elements. */
export function createSubView<T extends ElementType>(
  buffer: Buffer<T>,
  extents?: ExtentLike,
  offsets?: ExtentLike,
): Buffer<T> {
  const viewExtents = toVec(extents ?? buffer.extents, 'view extents');
  const viewOffsets = toVec(offsets ?? new Array<number>(buffer.dimension).fill(0), 'view offsets');
  if (viewExtents.length !== buffer.dimension || viewOffsets.length !== buffer.dimension) {
    throw new InvalidArgumentError(
      `createSubView: extents ${formatVec(viewExtents)} and offsets ${formatVec(viewOffsets)} must have the buffer's ${buffer.dimension} dimensions.`,
    );
  }
  viewExtents.forEach((extent, axis) => {
    const offset = viewOffsets[axis] ?? 0;
    const available = buffer.extents[axis] ?? 0;
    if (offset + extent > available) {
      throw new InvalidArgumentError(
        `createSubView: offsets ${formatVec(viewOffsets)} + extents ${formatVec(viewExtents)} reach past the buffer's extents ${formatVec(buffer.extents)} in dimension ${axis}.`,
      );
    }
  });
  const pitches = buffer.pitchesBytes;
  const byteOffset =
    buffer.byteOffset + viewOffsets.reduce((total, offset, axis) => total + offset * (pitches[axis] ?? 0), 0);
  return new Buffer({
    ...buffer,
    memory: buffer.memory,
    elementType: buffer.elementType,
    extents: viewExtents,
    byteOffset,
  });
}

/** A read-only view of a buffer: it can be copied from and passed as an 'in' kernel argument only. */
export function asConst<T extends ElementType>(buffer: Buffer<T>): Buffer<T> {
  return new Buffer({
    ...buffer,
    memory: buffer.memory,
    elementType: buffer.elementType,
    extents: buffer.extents,
    isConst: true,
  });
}
