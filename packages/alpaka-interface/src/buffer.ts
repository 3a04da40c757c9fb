import type { ArrayArgumentV1, MemoryV1, RegionV1 } from './backend';
import type { Device } from './device';
import { type ArrayOf, type ElementType, isElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import { hostStart } from './host/host-memory';
import { formatVec, getExtentProduct, type Vec, widenTo3 } from './vector';

export interface BufferLayout<T extends ElementType> {
  /** The device the memory is on (Device.of(memory.device)): handed in, so buffer.ts does not import device.ts. */
  readonly device: Device;
  readonly memory: MemoryV1;
  readonly elementType: T;
  readonly extents: Vec;
  readonly byteOffset: number;
  readonly rowPitchBytes: number;
  readonly slicePitchBytes: number;
  readonly isConst: boolean;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Refuses a layout that would make typed arrays over the wrong bytes: a device that is not the memory's,
 * offsets and pitches that are negative, NaN, not whole elements, or smaller than what they step over.
 * Bounds against the memory's size are checked by the constructor once the span is known.
 */
function checkLayout<T extends ElementType>(layout: BufferLayout<T>): void {
  const { device, memory, elementType, extents, byteOffset, rowPitchBytes, slicePitchBytes } = layout;
  if (!isElementType(elementType)) throw new InvalidArgumentError('a buffer needs an element type such as f32.');
  const what = `a ${elementType.name} buffer of extents ${formatVec(extents)}`;
  if (device?.implementation !== memory?.device)
    throw new InvalidArgumentError(`${what}: its device must be the device of its memory (Device.of(memory.device)).`);
  if (!Array.isArray(extents) || extents.length < 1 || extents.length > 3 || !extents.every(isCount))
    throw new InvalidArgumentError(`${what}: extents must be 1 to 3 non-negative integers.`);
  const size = elementType.byteSize;
  if (!isCount(byteOffset) || byteOffset % size !== 0) {
    throw new InvalidArgumentError(
      `${what}: the byte offset ${byteOffset} must be a non-negative multiple of the element size ${size}.`,
    );
  }
  const [, height, width] = widenTo3(extents, 1);
  const rowBytes = width * size;
  if (!isCount(rowPitchBytes) || rowPitchBytes % size !== 0 || rowPitchBytes < rowBytes) {
    throw new InvalidArgumentError(
      `${what}: the row pitch ${rowPitchBytes} must be a multiple of ${size} bytes and at least a row (${rowBytes} bytes).`,
    );
  }
  if (!isCount(slicePitchBytes) || slicePitchBytes % size !== 0 || slicePitchBytes < rowPitchBytes * height) {
    throw new InvalidArgumentError(
      `${what}: the slice pitch ${slicePitchBytes} must be a multiple of ${size} bytes and at least a slice (${rowPitchBytes * height} bytes).`,
    );
  }
}

/**
 * Memory of one element type with 1 to 3 dimensional extents on one device (alpaka's Buf and View).
 * Rows are rowPitchBytes apart and slices slicePitchBytes apart; the last extent is the contiguous one.
 * Buffers made by allocBuf own their memory; views share it.
 */
export class Buffer<T extends ElementType = ElementType> {
  /** The device the memory is on. */
  readonly device: Device;
  readonly memory: MemoryV1;
  readonly elementType: T;
  readonly extents: Vec;
  readonly byteOffset: number;
  readonly rowPitchBytes: number;
  readonly slicePitchBytes: number;
  /** A const buffer cannot be written: not a memcpy/memset destination, only an 'in' kernel argument. */
  readonly isConst: boolean;

  constructor(layout: BufferLayout<T>) {
    checkLayout(layout);
    this.device = layout.device;
    this.memory = layout.memory;
    this.elementType = layout.elementType;
    this.extents = layout.extents;
    this.byteOffset = layout.byteOffset;
    this.rowPitchBytes = layout.rowPitchBytes;
    this.slicePitchBytes = layout.slicePitchBytes;
    this.isConst = layout.isConst;
    if (this.byteOffset + this.spanBytes > this.memory.byteLength) {
      throw new InvalidArgumentError(
        `a ${this.elementType.name} buffer of extents ${formatVec(this.extents)} at byte offset ${this.byteOffset} needs ${this.byteOffset + this.spanBytes} bytes; the memory has ${this.memory.byteLength}.`,
      );
    }
  }

  /** The buffer as a kernel argument for backends (computed once per buffer, not per launch). */
  get kernelArgument(): ArrayArgumentV1 {
    this.cachedArgument ??= Object.freeze({
      kind: 'array',
      memory: this.memory,
      byteOffset: this.byteOffset,
      length: this.spanElements,
      elementType: this.elementType,
    });
    return this.cachedArgument;
  }
  private cachedArgument: ArrayArgumentV1 | undefined;

  get dimension(): number {
    return this.extents.length;
  }

  /** Number of elements (the product of the extents). */
  get length(): number {
    return getExtentProduct(this.extents);
  }

  /** alpaka's getPitchesInBytes: bytes between consecutive indices of each dimension, slowest first. */
  get pitchesBytes(): Vec {
    const all = [this.slicePitchBytes, this.rowPitchBytes, this.elementType.byteSize];
    return all.slice(3 - this.dimension);
  }

  /** Bytes from the first to one past the last element, pitch padding included. */
  get spanBytes(): number {
    if (this.length === 0) return 0;
    const [depth, height, width] = widenTo3(this.extents, 1);
    return (depth - 1) * this.slicePitchBytes + (height - 1) * this.rowPitchBytes + width * this.elementType.byteSize;
  }

  /** Elements from the first to one past the last, pitch padding included: the length of hostArray(). */
  get spanElements(): number {
    return Math.ceil(this.spanBytes / this.elementType.byteSize);
  }

  /** True when the elements are contiguous, with no pitch padding. */
  get isContiguous(): boolean {
    const [, height, width] = widenTo3(this.extents, 1);
    const rowBytes = width * this.elementType.byteSize;
    return this.rowPitchBytes === rowBytes && this.slicePitchBytes === rowBytes * height;
  }

  region(): RegionV1 {
    return {
      memory: this.memory,
      byteOffset: this.byteOffset,
      slicePitchBytes: this.slicePitchBytes,
      rowPitchBytes: this.rowPitchBytes,
    };
  }

  /**
   * The buffer's elements as a typed array over its memory (no copy). Multi-dimensional pitched buffers
   * include their padding: element [z, y, x] is at z·slicePitch/size + y·rowPitch/size + x.
   */
  hostArray(): ArrayOf<T> {
    const arrayBuffer = this.memory.hostArrayBuffer;
    if (!arrayBuffer) {
      throw new InvalidArgumentError(
        `this ${this.elementType.name} buffer lives on ${this.device}, which JavaScript cannot read; memcpy it into a host buffer (allocBuf(host(), …)) first.`,
      );
    }
    return new this.elementType.arrayConstructor(arrayBuffer, hostStart(this), this.spanElements) as ArrayOf<T>;
  }

  toString(): string {
    return `${this.isConst ? 'const ' : ''}${this.elementType.name}${formatVec(this.extents)} on ${this.device}`;
  }
}
