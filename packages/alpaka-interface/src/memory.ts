import { Buffer } from './buffer';
import type { ElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import { checkedQueue } from './memory-arguments';
import type { Queue } from './queue';
import { scalarValue } from './scalar-value';
import { type ExtentLike, formatVec, getExtentProduct, toVec, type Vec, widenTo3 } from './vector';

// Copies and sets in queue order (alpaka's mem/copy: memcpy, memset) and CMSSW-style fill.

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
