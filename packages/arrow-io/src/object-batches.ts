import type { StructSchema } from '@alpaka-ts/portable';
import { type Data, Field, makeData, RecordBatch, Schema, Struct, type Vector } from 'apache-arrow';
import { arrowTypeOf, type EventNumbers, eventIdData, eventIdFields } from './layout-arrow-schema';

/*
 * A portable host object (PortableHostObject over a defineStruct schema) as one row of its branch's events
 * table: run, luminosityBlock, event, then each struct field as a column of its element type. The metadata
 * holds the struct (its name, size and fields with their offsets) under alpaka-ts.struct.
 */
export const structMetadataKey = 'alpaka-ts.struct';

export const structDescription = (schema: StructSchema): string =>
  JSON.stringify({
    name: schema.name,
    byteSize: schema.byteSize,
    fields: schema.fields.map((field) => ({ ...field, elementType: field.elementType.name })),
  });

/** The events table of an object branch. */
export function objectEventsSchema(schema: StructSchema): Schema {
  return new Schema(
    [...eventIdFields(), ...schema.fields.map((field) => new Field(field.name, arrowTypeOf(field.elementType), false))],
    new Map([[structMetadataKey, structDescription(schema)]]),
  );
}

function fieldValue(schema: StructSchema['fields'][number], bytes: Uint8Array): Data {
  const value = new schema.elementType.arrayConstructor(bytes.buffer, bytes.byteOffset + schema.offset, 1).slice();
  const type = arrowTypeOf(schema.elementType);
  const data = schema.elementType.name === 'bool' ? Uint8Array.of(value[0] ? 1 : 0) : value;
  return makeData({ type, length: 1, data } as never);
}

/** One event's object (its `bytes`, the struct's) as one row of `schema`, the branch's events table. */
export function objectBatch(schema: Schema, struct: StructSchema, bytes: Uint8Array, id: EventNumbers): RecordBatch {
  const children: Data[] = [...eventIdData(id, 1), ...struct.fields.map((field) => fieldValue(field, bytes))];
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1, children, nullCount: 0 }));
}

/** Writes row `row` of an object branch's events table into the object's bytes, refusing another struct. */
export function fillObject(
  struct: StructSchema,
  bytes: Uint8Array,
  events: { readonly schema: Schema; getChild(name: string): Vector | null },
  row: number,
): void {
  const found = events.schema.metadata.get(structMetadataKey);
  if (found !== structDescription(struct))
    throw new Error(`the events table holds struct ${found ?? '(none)'}, not ${structDescription(struct)}`);
  for (const field of struct.fields) {
    const value = events.getChild(field.name)?.get(row);
    if (value === undefined || value === null) throw new Error(`the events table has no field '${field.name}'`);
    new field.elementType.arrayConstructor(bytes.buffer, bytes.byteOffset + field.offset, 1)[0] = Number(value);
  }
}
