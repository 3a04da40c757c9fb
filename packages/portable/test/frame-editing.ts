// Edits of serialised frames for the tests of what readers refuse: the header as JSON, and a frame rebuilt with
// its checksum recomputed (what a deliberate edit would do), so checks beyond the checksum are reached too.
import { writeEnvelope } from '../src/serialisation-envelope';

export function frameParts(bytes: Uint8Array): { magic: string; header: Record<string, unknown>; data: Uint8Array } {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as Record<string, unknown>;
  return {
    magic: new TextDecoder().decode(bytes.subarray(0, 8)),
    header,
    data: bytes.subarray(Math.ceil((16 + length) / 8) * 8),
  };
}

/** The frame with its header text edited (`from` → `to`, once) and the checksum left as written. */
export function withHeaderText(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const { magic, header, data } = frameParts(bytes);
  const text = JSON.stringify(header);
  if (!text.includes(from)) throw new Error(`the header has no ${from}`);
  const edited = writeEnvelope(magic, JSON.parse(text.replace(from, to)) as object, data);
  edited.set(bytes.subarray(12, 16), 12); // the original checksum
  return edited;
}

/** The frame rebuilt from an edited header and data, with a checksum that agrees with them. */
export function resealed(
  bytes: Uint8Array,
  edit: { readonly header?: (text: string) => string; readonly data?: (data: Uint8Array) => Uint8Array },
): Uint8Array {
  const { magic, header, data } = frameParts(bytes);
  const text = edit.header?.(JSON.stringify(header)) ?? JSON.stringify(header);
  return writeEnvelope(magic, JSON.parse(text) as object, edit.data?.(data) ?? data);
}
