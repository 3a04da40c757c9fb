import { crc32 } from 'node:zlib';
import { InvalidArgumentError } from '@alpaka-ts/interface';

// The frame every serialised product shares (frame version 2): 8 magic bytes naming the kind and the frame
// version, a little-endian u32 header length H, a little-endian u32 CRC-32 (zlib's, IEEE 802.3) of the header's
// bytes followed by the data's, the UTF-8 JSON header, zero padding to a multiple of 8 bytes, then the product's
// bytes exactly as laid out and nothing after them. The checksum makes any changed byte, in the header or the
// data, a refusal instead of a product that silently differs from what was written.

const frameStart = 16;

export function writeEnvelope(magic: string, header: object, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((frameStart + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + data.length);
  bytes.set(new TextEncoder().encode(magic), 0);
  const frame = new DataView(bytes.buffer);
  frame.setUint32(8, json.length, true);
  frame.setUint32(12, crc32(data, crc32(json)), true);
  bytes.set(json, frameStart);
  bytes.set(data, dataStart);
  return bytes;
}

export const envelopeFailure = (what: string, reason: string): never => {
  throw new InvalidArgumentError(`not a serialised alpaka-ts ${what}: ${reason}.`);
};

/**
 * Reads the frame: the parsed header and the data after it, whose checksum agrees with the one written. A file of
 * frame version 1 (no checksum) is named as such. Throws a clear error for anything else.
 */
export function readEnvelope(bytes: Uint8Array, magic: string, what: string): { header: unknown; data: Uint8Array } {
  if (!(bytes instanceof Uint8Array)) envelopeFailure(what, 'expected a Uint8Array');
  const start = bytes.length >= 8 ? new TextDecoder().decode(bytes.subarray(0, 8)) : '';
  if (start === `${magic.slice(0, 7)}1`)
    envelopeFailure(
      what,
      `it is in frame version 1 (${start}, without a checksum), which this version no longer reads; serialise it again`,
    );
  if (bytes.length < frameStart || start !== magic) envelopeFailure(what, `it does not start with ${magic}`);
  const frame = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = frame.getUint32(8, true);
  if (frameStart + headerLength > bytes.length) envelopeFailure(what, 'the header is longer than the data');
  const json = bytes.subarray(frameStart, frameStart + headerLength);
  const data = bytes.subarray(Math.ceil((frameStart + headerLength) / 8) * 8);
  const written = frame.getUint32(12, true);
  const computed = crc32(data, crc32(json));
  if (written !== computed)
    envelopeFailure(
      what,
      `the checksum disagrees (written ${hex(written)}, computed ${hex(computed)}): the bytes were changed or cut after writing`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(json));
  } catch (error) {
    envelopeFailure(what, `the header is not JSON (${(error as Error).message})`);
  }
  return { header, data };
}

const hex = (value: number) => `0x${value.toString(16).padStart(8, '0')}`;

/** The data must be exactly the product's bytes: fewer is a cut file, more is something else appended. */
export function checkDataLength(what: string, data: Uint8Array, byteSize: number, needs: string): void {
  if (data.length < byteSize)
    envelopeFailure(what, `the data holds ${data.length} bytes; the ${needs} needs ${byteSize}`);
  if (data.length > byteSize)
    envelopeFailure(what, `${data.length - byteSize} bytes follow the ${needs}'s ${byteSize}; the frame ends with it`);
}
