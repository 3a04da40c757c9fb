import { InvalidArgumentError } from '@alpaka-ts/interface';

/**
 * The frame every serialised product shares: 8 magic bytes naming the kind, a little-endian u32 header length,
 * the UTF-8 JSON header, zero padding to a multiple of 8 bytes, then the product's bytes exactly as laid out.
 */
export function writeEnvelope(magic: string, header: object, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + data.length);
  bytes.set(new TextEncoder().encode(magic), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(data, dataStart);
  return bytes;
}

export const envelopeFailure = (what: string, reason: string): never => {
  throw new InvalidArgumentError(`not a serialised alpaka-ts ${what}: ${reason}.`);
};

/** Reads the frame: the parsed header and the bytes after it. Throws a clear error for anything else. */
export function readEnvelope(bytes: Uint8Array, magic: string, what: string): { header: unknown; data: Uint8Array } {
  if (!(bytes instanceof Uint8Array)) envelopeFailure(what, 'expected a Uint8Array');
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== magic)
    envelopeFailure(what, `it does not start with ${magic}`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) envelopeFailure(what, 'the header is longer than the data');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  } catch (error) {
    envelopeFailure(what, `the header is not JSON (${(error as Error).message})`);
  }
  return { header, data: bytes.subarray(Math.ceil((12 + headerLength) / 8) * 8) };
}
