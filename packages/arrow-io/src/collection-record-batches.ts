import { computeLayout, type FieldLayout, type LayoutSchema } from '@alpaka-ts/interface';
import { type Data, makeData, RecordBatch, type Schema, Struct, Uint32, type Vector } from 'apache-arrow';
import { EventIdColumns } from './event-id-columns';
import {
  arrowTypeOf,
  type EventNumbers,
  elementsSchema,
  eventIdData,
  eventsSchema,
  layoutDescription,
  metadataKeys,
  valuesPerElement,
} from './layout-arrow-schema';

export type { EventNumbers } from './layout-arrow-schema';

/** One event's collection as its two tables' record batches (layout-arrow-schema.ts says what is in them). */
export interface CollectionBatches {
  readonly elements: RecordBatch;
  readonly events: RecordBatch;
}

export type NumericArray = Exclude<ReturnType<typeof typedArrayAt>, undefined>;

function typedArrayAt(bytes: Uint8Array, placed: FieldLayout, offset: number, count: number) {
  const Constructor = placed.field.elementType.arrayConstructor;
  return new Constructor(bytes.buffer, bytes.byteOffset + offset, count);
}

/** Arrow data of `values` (copied) of the field's element type; bools become Arrow's bit-packed booleans. */
function valuesData(placed: FieldLayout, values: NumericArray): Data {
  const type = arrowTypeOf(placed.field.elementType);
  if (placed.field.elementType.name !== 'bool') return makeData({ type, length: values.length, data: values } as never);
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  for (let index = 0; index < values.length; index++)
    if (values[index]) bits[index >> 3] = (bits[index >> 3] ?? 0) | (1 << (index & 7));
  return makeData({ type, length: values.length, data: bits } as never);
}

/** A non-scalar field's values for all elements, element by element (matrix coefficients column-major). */
function elementValues(bytes: Uint8Array, placed: FieldLayout, size: number): NumericArray {
  const perElement = valuesPerElement(placed.field);
  if (placed.field.kind !== 'matrixColumn') return typedArrayAt(bytes, placed, placed.offset, size * perElement);
  // Each coefficient is its own aligned column of `size` values: interleave them per element.
  const Constructor = placed.field.elementType.arrayConstructor;
  const values = new Constructor(size * perElement);
  for (let coefficient = 0; coefficient < perElement; coefficient++) {
    const column = typedArrayAt(bytes, placed, placed.offset + coefficient * placed.coefficientStride, size);
    for (let element = 0; element < size; element++) values[element * perElement + coefficient] = column[element] ?? 0;
  }
  return values;
}

function fieldData(schema: Schema, name: string, placed: FieldLayout, values: NumericArray, length: number): Data {
  const child = valuesData(placed, values);
  if (placed.field.kind === 'column' || placed.field.kind === 'scalar') return child;
  const type = schema.fields.find((field) => field.name === name)?.type;
  return makeData({ type, length, child } as never);
}

const filled = (length: number, value: number) => new Uint32Array(length).fill(value);

function batchOf(schema: Schema, length: number, columns: readonly Data[]): RecordBatch {
  const data = makeData({ type: new Struct(schema.fields), length, children: columns as Data[], nullCount: 0 });
  return new RecordBatch(schema, data);
}

/**
 * One event's collection (`size` elements of `layout` in `bytes`, the collection's buffer) as its elements and
 * events record batches. Plain columns are viewed, not copied (bools and matrices are rearranged into copies):
 * write the batches before the collection's memory changes, as ArrowOutputModule does (synchronously). With
 * `idColumns` the event id columns come from its reused memory, valid until its next use (event-id-columns.ts).
 */
export function collectionBatches(
  layout: LayoutSchema,
  size: number,
  bytes: Uint8Array,
  id: EventNumbers,
  idColumns: EventIdColumns = new EventIdColumns(),
): CollectionBatches {
  const placedFields = computeLayout(layout, size).fields;
  const elementsTable = elementsSchema(layout);
  const eventsTable = eventsSchema(layout);
  const uint32 = (values: Uint32Array): Data => makeData({ type: new Uint32(), length: values.length, data: values });
  const elementColumns: Data[] = idColumns.columns(id, size);
  const eventColumns: Data[] = [...eventIdData(id, 1), uint32(filled(1, size))];
  for (const placed of placedFields) {
    if (placed.field.kind === 'scalar') {
      eventColumns.push(valuesData(placed, typedArrayAt(bytes, placed, placed.offset, 1)));
    } else {
      elementColumns.push(
        fieldData(elementsTable, placed.field.name, placed, elementValues(bytes, placed, size), size),
      );
    }
  }
  return { elements: batchOf(elementsTable, size, elementColumns), events: batchOf(eventsTable, 1, eventColumns) };
}

/** What fillCollectionFromBatches reads: a table or a record batch. */
export interface ArrowTable {
  readonly schema: Schema;
  getChild(name: string): Vector | null;
}

/** A layout description's name and fields, for messages. */
function summary(description: string): string {
  try {
    const { name, fields } = JSON.parse(description) as {
      name: string;
      fields: { name: string; elementType: string }[];
    };
    return `'${name}' (${fields.map((field) => `${field.name}: ${field.elementType}`).join(', ')})`;
  } catch {
    return 'that is not valid JSON';
  }
}

/**
 * Reads a column's values back into `target`: a primitive column's values, a list column's flattened items
 * (whole batches, as the source reads them: a list sliced mid-batch would need its parent's offset).
 */
function readValues(vector: Vector, placed: FieldLayout, target: NumericArray): void {
  const isList = placed.field.kind === 'arrayColumn' || placed.field.kind === 'matrixColumn';
  const values = isList ? vector.getChildAt(0) : vector;
  if (!values) throw new Error(`the column '${placed.field.name}' has no values`);
  if (values.length !== target.length)
    throw new Error(
      `the column '${placed.field.name}' has ${values.length} values where ${target.length} are expected`,
    );
  if (placed.field.elementType.name === 'bool') {
    for (let index = 0; index < values.length; index++) target[index] = values.get(index) ? 1 : 0;
  } else target.set(values.toArray() as NumericArray);
}

/** Refuses tables that do not hold `layout` (their schema metadata's layout description), naming which. */
export function checkTablesHoldLayout(
  layout: LayoutSchema,
  tables: readonly (readonly ['elements' | 'events', { readonly metadata: Map<string, string> }])[],
): void {
  const expected = layoutDescription(layout);
  for (const [what, schema] of tables) {
    const found = schema.metadata.get(metadataKeys.layout);
    if (found !== expected)
      throw new Error(
        `the ${what} table holds layout ${found === undefined ? '(none)' : summary(found)}, not ${summary(expected)}`,
      );
  }
}

/** The size the events table records in `row` must be the collection's; its scalars go into `bytes`. */
export function fillScalarsFromEvents(
  layout: LayoutSchema,
  size: number,
  bytes: Uint8Array,
  events: ArrowTable,
  row: number,
): void {
  const recorded = Number(events.getChild('size')?.get(row));
  if (recorded !== size) throw new Error(`the events table records ${recorded} elements, not ${size}`);
  for (const placed of computeLayout(layout, size).fields) {
    if (placed.field.kind !== 'scalar') continue;
    const value = events.getChild(placed.field.name)?.get(row);
    if (value === undefined || value === null) throw new Error(`the events table has no scalar '${placed.field.name}'`);
    typedArrayAt(bytes, placed, placed.offset, 1)[0] = Number(value);
  }
}

/** A matrix column's values, element by element (as Arrow holds them), into its column-major coefficient columns. */
export function placeMatrixValues(
  placed: FieldLayout,
  size: number,
  bytes: Uint8Array,
  interleaved: NumericArray,
): void {
  const perElement = valuesPerElement(placed.field);
  for (let coefficient = 0; coefficient < perElement; coefficient++) {
    const target = typedArrayAt(bytes, placed, placed.offset + coefficient * placed.coefficientStride, size);
    for (let element = 0; element < size; element++)
      target[element] = interleaved[element * perElement + coefficient] ?? 0;
  }
}

/** The typed array over a field's values in a collection's bytes (all elements, or `count` values). */
export const fieldValues = (bytes: Uint8Array, placed: FieldLayout, count: number): NumericArray =>
  typedArrayAt(bytes, placed, placed.offset, count);

/**
 * Writes one event's rows back into a collection's bytes (`size` elements of `layout`): `elements` holds the
 * event's element rows in index order, `eventRow` its events row (index `row` of `events`).
 */
export function fillCollectionFromBatches(
  layout: LayoutSchema,
  size: number,
  bytes: Uint8Array,
  elements: ArrowTable,
  events: ArrowTable,
  row: number,
): void {
  checkTablesHoldLayout(layout, [
    ['elements', elements.schema],
    ['events', events.schema],
  ]);
  fillScalarsFromEvents(layout, size, bytes, events, row);
  for (const placed of computeLayout(layout, size).fields) {
    if (placed.field.kind === 'scalar') continue;
    const name = placed.field.name;
    const column = elements.getChild(name);
    if (!column) throw new Error(`the elements table has no column '${name}'`);
    const perElement = valuesPerElement(placed.field);
    if (placed.field.kind !== 'matrixColumn') {
      readValues(column, placed, typedArrayAt(bytes, placed, placed.offset, size * perElement));
      continue;
    }
    const interleaved = new placed.field.elementType.arrayConstructor(size * perElement);
    readValues(column, placed, interleaved);
    placeMatrixValues(placed, size, bytes, interleaved);
  }
}
