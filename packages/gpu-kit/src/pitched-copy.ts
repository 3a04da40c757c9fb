/** One pitched region of bytes: where it starts, and the bytes from one row (and one slice) to the next. */
export interface PitchedBytes {
  readonly bytes: Uint8Array;
  readonly byteOffset: number;
  readonly rowPitchBytes: number;
  readonly slicePitchBytes: number;
}

/** Copies `width` bytes of each of `height` rows in each of `depth` slices from `from` to `to`, on the CPU. */
export function copyPitchedRows(
  to: PitchedBytes,
  from: PitchedBytes,
  width: number,
  height: number,
  depth: number,
): void {
  for (let slice = 0; slice < depth; slice++) {
    for (let row = 0; row < height; row++) {
      const sourceAt = from.byteOffset + slice * from.slicePitchBytes + row * from.rowPitchBytes;
      const destinationAt = to.byteOffset + slice * to.slicePitchBytes + row * to.rowPitchBytes;
      to.bytes.set(from.bytes.subarray(sourceAt, sourceAt + width), destinationAt);
    }
  }
}
