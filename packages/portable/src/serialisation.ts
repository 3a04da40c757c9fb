import { elementTypes, host, InvalidArgumentError } from '@alpaka-ts/interface';
import { computeLayout, defineLayout, type FieldSchema, type LayoutSchema } from '@alpaka-ts/soa-template';
import { PortableHostCollection } from './host-collection';

/** The first 8 bytes of a serialised collection. */
export const serialisationMagic = 'ALPKSOA1';
export const serialisationVersion = 1;

/**
 * The header of a serialised collection (UTF-8 JSON): the layout, the element count, and every field's offset
 * and size, so a reader needs neither alpaka-ts nor the layout rules to find a column.
 */
export interface SerialisedHeader {
  readonly format: 'alpaka-ts.soa';
  readonly version: number;
  readonly layout: { readonly name: string; readonly alignment: number };
  readonly size: number;
  readonly byteSize: number;
  readonly fields: ReadonlyArray<{
    readonly kind: FieldSchema['kind'];
    readonly name: string;
    readonly type: string;
    readonly offset: number;
    readonly byteSize: number;
    readonly length?: number;
    readonly rows?: number;
    readonly columns?: number;
    readonly coefficientStride?: number;
  }>;
}

/**
 * Serialises a host collection: "ALPKSOA1", a little-endian u32 header length, the JSON header, zero padding to
 * a multiple of 8 bytes, then the collection's buffer byte for byte (the CMSSW layout, so one copy each way).
 */
export function serialiseCollection(collection: PortableHostCollection): Uint8Array {
  const layout = computeLayout(collection.schema, collection.size);
  const header: SerialisedHeader = {
    format: 'alpaka-ts.soa',
    version: serialisationVersion,
    layout: { name: collection.schema.name, alignment: collection.schema.alignment },
    size: collection.size,
    byteSize: layout.byteSize,
    fields: layout.fields.map(({ field, offset, byteSize, coefficientStride }) => ({
      kind: field.kind,
      name: field.name,
      type: field.elementType.name,
      offset,
      byteSize,
      ...(field.kind === 'arrayColumn' ? { length: field.length } : {}),
      ...(field.kind === 'matrixColumn' ? { rows: field.rows, columns: field.columns, coefficientStride } : {}),
    })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + json.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + layout.byteSize);
  bytes.set(new TextEncoder().encode(serialisationMagic), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(collection.buffer.hostArray().subarray(0, layout.byteSize), dataStart);
  return bytes;
}

const fail = (reason: string): never => {
  throw new InvalidArgumentError(`not a serialised alpaka-ts collection: ${reason}.`);
};

/** Reads a serialised collection back into a new host collection; checks the header against the layout rules. */
export function deserialiseCollection(bytes: Uint8Array): PortableHostCollection {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== serialisationMagic)
    fail(`it does not start with ${serialisationMagic}`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) fail('the header is longer than the data');
  let header: SerialisedHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as SerialisedHeader;
  } catch (error) {
    return fail(`the header is not JSON (${(error as Error).message})`);
  }
  if (header.format !== 'alpaka-ts.soa' || header.version !== serialisationVersion)
    fail(`format ${header.format} version ${header.version} is not ${serialisationVersion}`);
  const fields = header.fields.map((field): FieldSchema => {
    const elementType =
      (elementTypes as Record<string, (typeof elementTypes)[keyof typeof elementTypes]>)[field.type] ??
      fail(`unknown element type '${field.type}'`);
    if (field.kind === 'arrayColumn')
      return { kind: field.kind, name: field.name, elementType, length: field.length ?? 0 };
    if (field.kind === 'matrixColumn')
      return { kind: field.kind, name: field.name, elementType, rows: field.rows ?? 0, columns: field.columns ?? 0 };
    return { kind: field.kind, name: field.name, elementType };
  });
  const schema: LayoutSchema = defineLayout(header.layout.name, fields, { alignment: header.layout.alignment });
  const layout = computeLayout(schema, header.size);
  if (
    layout.byteSize !== header.byteSize ||
    layout.fields.some((placed, index) => placed.offset !== header.fields[index]?.offset)
  ) {
    fail('the offsets in the header disagree with the layout rules');
  }
  const dataStart = Math.ceil((12 + headerLength) / 8) * 8;
  if (bytes.length < dataStart + layout.byteSize)
    fail(`the data holds ${bytes.length - dataStart} bytes; the layout needs ${layout.byteSize}`);
  const collection = new PortableHostCollection(schema, header.size, host());
  collection.buffer.hostArray().set(bytes.subarray(dataStart, dataStart + layout.byteSize));
  return collection;
}
