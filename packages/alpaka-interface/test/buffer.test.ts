import { describe, expect, it } from 'vitest';
import {
  allocBuf,
  allocMappedNoncachedBuf,
  Buffer,
  type BufferLayout,
  type Device,
  f32,
  host,
  InvalidArgumentError,
  u16,
} from '../src/index';

const memory = () => allocBuf(host(), u16, 64).memory;

/** A valid 2D u16 layout of 4 × 6 elements with rows 16 bytes apart, with one field changed. */
function layout(change: Partial<BufferLayout<typeof u16>>): BufferLayout<typeof u16> {
  return {
    device: host(),
    memory: memory(),
    elementType: u16,
    extents: [4, 6],
    byteOffset: 0,
    rowPitchBytes: 16,
    slicePitchBytes: 64,
    isConst: false,
    ...change,
  };
}

describe('a buffer', () => {
  it('takes a pitched layout whose rows and slices hold their elements', () => {
    const buffer = new Buffer(layout({ byteOffset: 4 }));
    expect(buffer.device).toBe(host());
    expect(buffer.spanBytes).toBe(3 * 16 + 12);
    expect(buffer.pitchesBytes).toEqual([16, 2]);
  });

  it('refuses a row pitch smaller than a row, or not a whole number of elements', () => {
    expect(() => new Buffer(layout({ rowPitchBytes: 10 }))).toThrow(/row pitch 10 .* at least a row \(12 bytes\)/);
    expect(() => new Buffer(layout({ rowPitchBytes: 15 }))).toThrow(/row pitch 15 must be a multiple of 2/);
    expect(() => new Buffer(layout({ rowPitchBytes: Number.NaN }))).toThrow(InvalidArgumentError);
  });

  it('refuses a slice pitch smaller than a slice', () => {
    expect(() => new Buffer(layout({ extents: [2, 4, 6], slicePitchBytes: 32 }))).toThrow(
      /slice pitch 32 .* at least a slice \(64 bytes\)/,
    );
  });

  it('refuses negative, misaligned and NaN offsets, and bad extents', () => {
    expect(() => new Buffer(layout({ byteOffset: -2 }))).toThrow(/byte offset -2 must be a non-negative multiple/);
    expect(() => new Buffer(layout({ byteOffset: 3 }))).toThrow(
      /byte offset 3 must be a non-negative multiple of the element size 2/,
    );
    expect(() => new Buffer(layout({ byteOffset: Number.NaN }))).toThrow(/byte offset NaN/);
    expect(() => new Buffer(layout({ extents: [4, Number.NaN] }))).toThrow(
      /extents must be 1 to 3 non-negative integers/,
    );
    expect(() => new Buffer(layout({ extents: [-1] }))).toThrow(/extents must be/);
  });

  it("refuses a layout past the end of its memory, a device that is not its memory's, and a missing element type", () => {
    expect(() => new Buffer(layout({ byteOffset: 80 }))).toThrow(/needs 140 bytes; the memory has 128/);
    const elsewhere = { implementation: { ...host().implementation } } as unknown as Device;
    expect(() => new Buffer(layout({ device: elsewhere }))).toThrow(/device must be the device of its memory/);
    expect(() => new Buffer({ ...layout({}), elementType: { name: 'f32' } as unknown as typeof f32 } as never)).toThrow(
      /needs an element type/,
    );
  });
});

describe('allocMappedNoncachedBuf', () => {
  it('gives plain host memory on a platform without pinned memory, laid out as allocBuf does', () => {
    const buffer = allocMappedNoncachedBuf(host(), f32, [2, 3], { writeCombined: true });
    expect(buffer.device.isHost).toBe(true);
    expect(buffer.length).toBe(6);
    expect(buffer.rowPitchBytes).toBe(3 * f32.byteSize);
    buffer.hostArray().set([1, 2, 3, 4, 5, 6]);
    expect(Array.from(buffer.hostArray())).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
