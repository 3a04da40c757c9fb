import type { MemoryV1 } from './backend';
import { Buffer } from './buffer';
import { Device, host, Platform } from './device';
import {
  type ElementType,
  f32,
  f64,
  i8,
  i16,
  i32,
  isElementType,
  type TypedArray,
  u8,
  u16,
  u32,
} from './element-types';
import { InvalidArgumentError } from './errors';
import { HostMemory } from './host/host-memory';
import { Queue } from './queue';
import { describeValue, scalarValue } from './scalar-value';
import { type ExtentLike, formatVec, getExtentProduct, toVec, type Vec, widenTo3 } from './vector';

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

function checkedType(elementType: ElementType, operation: string): void {
  if (!isElementType(elementType))
    throw new InvalidArgumentError(
      `${operation} needs an element type such as f32 as its type, not ${describeValue(elementType)}.`,
    );
}

function checkedDevice(device: unknown, operation: string): asserts device is Device {
  if (!(device instanceof Device))
    throw new InvalidArgumentError(
      `${operation} needs a Device (host(), or platform.device(index) of a loaded backend), not ${describeValue(device)}.`,
    );
}

function checkedQueue(queue: unknown, operation: string, optional = false): asserts queue is Queue {
  if (optional && queue === undefined) return;
  if (!(queue instanceof Queue))
    throw new InvalidArgumentError(`${operation} needs a Queue (device.createQueue()), not ${describeValue(queue)}.`);
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

/** A host buffer over an existing typed array, without copying (alpaka::createSubView over host memory). */
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

/** A view of part of a buffer (alpaka's SubView): the same memory, extents and offsets in elements. */
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

function copyExtents(operation: string, extents: ExtentLike | undefined, buffers: Array<[string, Buffer]>): Vec {
  const [first] = buffers;
  if (!first) throw new InvalidArgumentError(`${operation}: no buffer given.`);
  const vector = toVec(extents ?? first[1].extents, `${operation} extents`);
  for (const [role, buffer] of buffers) {
    if (!(buffer instanceof Buffer))
      throw new InvalidArgumentError(
        `${operation}: the ${role} is not a Buffer (allocate one with allocBuf or wrap an array with createView).`,
      );
    if (buffer.dimension !== vector.length) {
      throw new InvalidArgumentError(
        `${operation}: extents ${formatVec(vector)} have ${vector.length} dimensions; the ${role} ${buffer} has ${buffer.dimension}.`,
      );
    }
    vector.forEach((extent, axis) => {
      if (extent > (buffer.extents[axis] ?? 0)) {
        throw new InvalidArgumentError(
          `${operation}: extents ${formatVec(vector)} reach past the ${role} ${buffer} in dimension ${axis}.`,
        );
      }
    });
  }
  return vector;
}

function checkWritable(operation: string, buffer: Buffer): void {
  if (buffer.isConst)
    throw new InvalidArgumentError(`${operation}: the destination ${buffer} is const; copy into a writable buffer.`);
}

function checkQueueReaches(operation: string, queue: Queue, buffers: Buffer[]): void {
  checkedQueue(queue, operation);
  if (!buffers.some((buffer) => buffer.device === queue.device)) {
    throw new InvalidArgumentError(
      `${operation}: the queue runs on ${queue.device}, but the buffers are on ${buffers.map((buffer) => String(buffer.device)).join(' and ')}; use a queue of one of their devices.`,
    );
  }
}

const bytesExtent = (vector: Vec, elementType: ElementType) => {
  const [depth, height, width] = widenTo3(vector, 1);
  return [depth, height, width * elementType.byteSize] as const;
};

/** Copies extents (default: the destination's) from source to destination (alpaka::memcpy). */
export function memcpy(queue: Queue, destination: Buffer, source: Buffer, extents?: ExtentLike): void {
  const vector = copyExtents('memcpy', extents, [
    ['destination', destination],
    ['source', source],
  ]);
  checkWritable('memcpy', destination);
  if (destination.elementType !== source.elementType) {
    throw new InvalidArgumentError(
      `memcpy: the destination holds ${destination.elementType.name}, the source ${source.elementType.name}; both must have the same element type.`,
    );
  }
  checkQueueReaches('memcpy', queue, [destination, source]);
  if (getExtentProduct(vector) === 0) return;
  queue.implementation.copy(destination.region(), source.region(), bytesExtent(vector, destination.elementType));
}

/** Sets every byte of extents (default: the whole buffer) to byteValue (alpaka::memset). */
export function memset(queue: Queue, destination: Buffer, byteValue: number, extents?: ExtentLike): void {
  const vector = copyExtents('memset', extents, [['destination', destination]]);
  checkWritable('memset', destination);
  if (!Number.isInteger(byteValue) || byteValue < 0 || byteValue > 255) {
    throw new InvalidArgumentError(
      `memset: the byte value ${byteValue} is not an integer in 0 … 255; use fill() for element values.`,
    );
  }
  checkQueueReaches('memset', queue, [destination]);
  if (getExtentProduct(vector) === 0) return;
  queue.implementation.set(destination.region(), byteValue, bytesExtent(vector, destination.elementType));
}

/**
 * Sets every element of extents (default: the whole buffer) to value, by the rule kernel scalars follow
 * (scalar-value.ts): integer and bool buffers take only values they hold, float buffers any number (f32 rounded).
 */
export function fill(queue: Queue, destination: Buffer, value: number, extents?: ExtentLike): void {
  const vector = copyExtents('fill', extents, [['destination', destination]]);
  checkWritable('fill', destination);
  const converted = scalarValue(destination.elementType, value, `fill: ${destination}`);
  checkQueueReaches('fill', queue, [destination]);
  if (getExtentProduct(vector) === 0) return;
  queue.implementation.fill(destination.region(), destination.elementType, converted, widenTo3(vector, 1));
}
