import { elementTypes, host } from '@alpaka-ts/interface';
import { computeLayout, defineLayout, type FieldSchema, type LayoutSchema } from '@alpaka-ts/soa-template';
import { PortableHostCollection } from './host-collection';
import { checkDataLength, envelopeFailure, readEnvelope, writeEnvelope } from './serialisation-envelope';

/** The first 8 bytes of a serialised collection. */
export const serialisationMagic = 'ALPKSOA2';
export const serialisationVersion = 2;

/**
 * The header of a serialised collection (UTF-8 JSON): the layout, the element count, and every field's offset
 * and size, so a reader needs neither alpaka-ts nor the layout rules to find a column.
 */
export interface SerialisedHeader {
  readonly format: 'alpaka-ts.soa';
  readonly version: number;
  readonly layout: { readonly name: string; readonly alignment: number; readonly alignmentEnforcement: boolean };
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

/** The header of one layout of `size` elements: the layout, and every field's offset and size. */
export function layoutHeader(schema: LayoutSchema, size: number): Omit<SerialisedHeader, 'format' | 'version'> {
  const layout = computeLayout(schema, size);
  return {
    layout: { name: schema.name, alignment: schema.alignment, alignmentEnforcement: schema.alignmentEnforcement },
    size,
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
}

/** The element type of a header's type name, or a clear error. */
export const elementTypeNamed = (what: string, name: string) =>
  (elementTypes as Record<string, (typeof elementTypes)[keyof typeof elementTypes]>)[name] ??
  envelopeFailure(what, `unknown element type '${name}'`);

/** The schema a layout header describes, checked against the layout rules (every offset must agree). */
export function schemaFromHeader(header: Omit<SerialisedHeader, 'format' | 'version'>, what: string): LayoutSchema {
  if (!Array.isArray(header?.fields) || typeof header.layout?.name !== 'string')
    envelopeFailure(what, 'the header has no layout');
  if (!Number.isSafeInteger(header.size) || header.size < 0)
    envelopeFailure(what, `the header's size ${String(header.size)} is not an element count`);
  const fields = header.fields.map((field): FieldSchema => {
    const elementType = elementTypeNamed(what, field.type);
    if (field.kind === 'arrayColumn')
      return { kind: field.kind, name: field.name, elementType, length: field.length ?? 0 };
    if (field.kind === 'matrixColumn')
      return { kind: field.kind, name: field.name, elementType, rows: field.rows ?? 0, columns: field.columns ?? 0 };
    return { kind: field.kind, name: field.name, elementType };
  });
  let schema: LayoutSchema;
  try {
    schema = defineLayout(header.layout.name, fields, {
      alignment: header.layout.alignment,
      alignmentEnforcement: header.layout.alignmentEnforcement === true,
    });
  } catch (error) {
    return envelopeFailure(what, `the header's layout is not one: ${(error as Error).message}`);
  }
  // Every fact of the header must be the layout's: offsets, sizes, strides, the whole size.
  const expected = layoutHeader(schema, header.size);
  const sameFacts = (facts: object, written: unknown) =>
    Object.entries(facts).every(([key, value]) => (written as Record<string, unknown> | undefined)?.[key] === value);
  if (
    expected.byteSize !== header.byteSize ||
    expected.fields.length !== header.fields.length ||
    expected.fields.some((facts, index) => !sameFacts(facts, header.fields[index]))
  )
    envelopeFailure(what, 'the offsets in the header disagree with the layout rules');
  return schema;
}

/**
 * Serialises a host collection: "ALPKSOA2", the frame (header length, CRC-32), the JSON header, zero padding to a
 * multiple of 8 bytes, then the collection's buffer byte for byte (the CMSSW layout, so one copy each way).
 */
export function serialiseCollection(collection: PortableHostCollection): Uint8Array {
  const header: SerialisedHeader = {
    format: 'alpaka-ts.soa',
    version: serialisationVersion,
    ...layoutHeader(collection.schema, collection.size),
  };
  return writeEnvelope(serialisationMagic, header, collection.buffer.hostArray().subarray(0, header.byteSize));
}

/** Reads a serialised collection back into a new host collection; checks the header against the layout rules. */
export function deserialiseCollection(bytes: Uint8Array): PortableHostCollection {
  const what = 'collection';
  const { header, data } = readEnvelope(bytes, serialisationMagic, what);
  const parsed = header as SerialisedHeader;
  if (parsed?.format !== 'alpaka-ts.soa' || parsed.version !== serialisationVersion)
    envelopeFailure(
      what,
      `format ${parsed?.format} version ${parsed?.version} is not alpaka-ts.soa ${serialisationVersion}`,
    );
  const schema = schemaFromHeader(parsed, what);
  checkDataLength(what, data, parsed.byteSize, 'layout');
  const collection = new PortableHostCollection(schema, parsed.size, host());
  collection.buffer.hostArray().set(data.subarray(0, parsed.byteSize));
  return collection;
}
