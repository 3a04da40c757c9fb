import type { ElementType, FieldSchema, LayoutSchema } from '@alpaka-ts/interface';
import {
  Bool,
  type Data,
  type DataType,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  makeData,
  Schema,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
} from 'apache-arrow';

/*
 * How an SoA layout becomes Arrow tables (the file layout the README documents). A collection branch is two
 * tables: its elements, one row per element, and its events, one row per event.
 *   elements: run (uint32), luminosityBlock (uint32), event (uint64: CMSSW's EventNumber_t), index (uint32: the
 *             element's row), then
 *             each column as an Arrow column of the same element type (bool as Arrow's Bool), each array column
 *             as a fixed-size list of its length, each matrix column as a fixed-size list of rows × columns
 *             coefficients in column-major order, Eigen's and the SoA's (coefficient (r, c) at c × rows + r).
 *   events:   run, luminosityBlock, event, size (uint32: how many elements the event's collection has), then
 *             each scalar as a column of its element type.
 * The schemas' metadata carries the layout (its name, alignment and fields as JSON) so a reader rebuilds the
 * collection without alpaka, and fillCollectionFromBatches refuses tables of another layout.
 */

/** The columns every table starts with: the event the row belongs to. */
export const eventIdColumns = ['run', 'luminosityBlock', 'event'] as const;

/** Schema metadata keys. */
export const metadataKeys = {
  layout: 'alpaka-ts.layout',
  table: 'alpaka-ts.table',
} as const;

/** The Arrow type of one element of `elementType`. */
export function arrowTypeOf(elementType: ElementType): DataType {
  switch (elementType.name) {
    case 'bool':
      return new Bool();
    case 'i8':
      return new Int8();
    case 'u8':
      return new Uint8();
    case 'i16':
      return new Int16();
    case 'u16':
      return new Uint16();
    case 'i32':
      return new Int32();
    case 'u32':
      return new Uint32();
    case 'f32':
      return new Float32();
    case 'f64':
      return new Float64();
    default:
      throw new Error(`internal error: element type ${elementType.name} has no Arrow type`);
  }
}

/** How many values of its element type one element of a non-scalar field holds. */
export function valuesPerElement(field: FieldSchema): number {
  if (field.kind === 'arrayColumn') return field.length;
  if (field.kind === 'matrixColumn') return field.rows * field.columns;
  return 1;
}

/** The Arrow field of one non-scalar SoA field in the elements table. */
function elementField(field: FieldSchema): Field {
  const type = arrowTypeOf(field.elementType);
  if (field.kind === 'column') return new Field(field.name, type, false);
  return new Field(field.name, new FixedSizeList(valuesPerElement(field), new Field('item', type, false)), false);
}

/** The layout as the schemas' metadata hold it: its name, alignment and fields, as JSON. */
export const layoutDescription = (layout: LayoutSchema): string =>
  JSON.stringify({
    name: layout.name,
    alignment: layout.alignment,
    alignmentEnforcement: layout.alignmentEnforcement,
    fields: layout.fields.map((field) => ({ ...field, elementType: field.elementType.name })),
  });

const layoutMetadata = (layout: LayoutSchema, table: 'elements' | 'events') =>
  new Map([
    [metadataKeys.layout, layoutDescription(layout)],
    [metadataKeys.table, table],
  ]);

/** The event a row belongs to. */
export interface EventNumbers {
  readonly run: number;
  readonly luminosityBlock: number;
  readonly event: number;
}

/** The fields every table starts with: run, luminosityBlock (uint32), event (uint64, CMSSW's EventNumber_t). */
export const eventIdFields = (): Field[] => [
  new Field('run', new Uint32(), false),
  new Field('luminosityBlock', new Uint32(), false),
  new Field('event', new Uint64(), false),
];

/** `length` rows of one event's id, as the data of those fields. */
export const eventIdData = (id: EventNumbers, length: number): Data[] => [
  makeData({ type: new Uint32(), length, data: new Uint32Array(length).fill(id.run) }),
  makeData({ type: new Uint32(), length, data: new Uint32Array(length).fill(id.luminosityBlock) }),
  makeData({ type: new Uint64(), length, data: new BigUint64Array(length).fill(BigInt(id.event)) }),
];

const idFields = (last: string) => [...eventIdFields(), new Field(last, new Uint32(), false)];
/** The elements table's schema for `layout`. */
export function elementsSchema(layout: LayoutSchema): Schema {
  const fields = layout.fields.filter((field) => field.kind !== 'scalar').map(elementField);
  return new Schema([...idFields('index'), ...fields], layoutMetadata(layout, 'elements'));
}

/** The events table's schema for `layout`: the element count and the scalars, one row per event. */
export function eventsSchema(layout: LayoutSchema): Schema {
  const scalars = layout.fields
    .filter((field) => field.kind === 'scalar')
    .map((field) => new Field(field.name, arrowTypeOf(field.elementType), false));
  return new Schema([...idFields('size'), ...scalars], layoutMetadata(layout, 'events'));
}
