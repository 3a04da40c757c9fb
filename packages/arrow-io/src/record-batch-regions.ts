import { DataType, type Field, Message, type Schema } from 'apache-arrow';

/** Where one top-level column's values lie in the file, from its record batch's metadata. */
export interface ColumnRegion {
  /** Absolute file position of the values buffer (a list column's child values). */
  readonly position: number;
  readonly length: number;
  /** Nulls in the column or its values: ArrowOutputModule writes none, and a reader must refuse them. */
  readonly nullCount: number;
}

/**
 * Decodes a record batch's metadata message (the bytes a file block's `offset` and `metaDataLength` give:
 * continuation marker, length, flatbuffer) with apache-arrow's Message and locates each top-level column's
 * values buffer in the file: Arrow's columnar format orders a batch's field nodes and buffers depth first, a
 * primitive or boolean column having a validity and a values buffer and a fixed-size list a validity buffer and
 * its child's. Returns undefined for what this does not cover (compressed bodies, other types), which the caller
 * reads through apache-arrow's own record batch reader instead.
 */
export function columnRegions(
  schema: Schema,
  metadata: Uint8Array,
  bodyPosition: number,
): { readonly length: number; readonly columns: ReadonlyMap<string, ColumnRegion> } | undefined {
  const view = new DataView(metadata.buffer, metadata.byteOffset, metadata.byteLength);
  // Since format 0.15 a message starts with 0xFFFFFFFF, then its length; older files have only the length.
  const start = view.getInt32(0, true) === -1 ? 8 : 4;
  const size = view.getInt32(start - 4, true);
  if (size <= 0 || start + size > metadata.byteLength) throw new Error('its record batch metadata is cut short');
  const message = Message.decode(metadata.subarray(start, start + size));
  if (!message.isRecordBatch()) throw new Error('its record batch block holds another message');
  const header = message.header();
  if (header.compression !== null) return undefined;
  const columns = new Map<string, ColumnRegion>();
  let node = 0;
  let buffer = 0;
  const take = (field: Field): ColumnRegion | undefined => {
    const { nullCount } = header.nodes[node++] ?? { nullCount: 0 };
    buffer++; // validity
    if (DataType.isInt(field.type) || DataType.isFloat(field.type) || DataType.isBool(field.type)) {
      const region = header.buffers[buffer++];
      if (region === undefined) throw new Error('its record batch metadata lists too few buffers');
      return { position: bodyPosition + region.offset, length: region.length, nullCount };
    }
    if (!DataType.isFixedSizeList(field.type)) return undefined;
    const child = field.type.children[0];
    const values = child === undefined ? undefined : take(child);
    return values === undefined ? undefined : { ...values, nullCount: values.nullCount + nullCount };
  };
  for (const field of schema.fields) {
    const region = take(field);
    if (region === undefined) return undefined;
    columns.set(field.name, region);
  }
  return { length: header.length, columns };
}
