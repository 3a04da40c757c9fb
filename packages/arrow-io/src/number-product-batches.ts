import { type DataType, Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Uint16 } from 'apache-arrow';
import { type EventNumbers, eventIdData, eventIdFields } from './layout-arrow-schema';

/** CMSSW's fundamental products (core's productTypes) as Arrow types: the value column of their events table. */
const numberTypes: Readonly<Record<string, () => DataType>> = {
  int: () => new Int32(),
  'unsigned short': () => new Uint16(),
  double: () => new Float64(),
};

/** Whether products of this type name are numbers written as a value column. */
export const isNumberProductType = (typeName: string): boolean => Object.hasOwn(numberTypes, typeName);

/** The events table of a number product branch: run, luminosityBlock, event, value. */
export function numberEventsSchema(typeName: string, metadata: ReadonlyMap<string, string>): Schema {
  const type = numberTypes[typeName];
  if (type === undefined) throw new Error(`internal error: ${typeName} is not a number product type`);
  return new Schema([...eventIdFields(), new Field('value', type(), false)], new Map(metadata));
}

/** One event's number product as one row of its branch's events table. */
export function numberBatch(schema: Schema, id: EventNumbers, value: number): RecordBatch {
  const valueType = schema.fields[3]?.type as DataType;
  const Values = (valueType as unknown as { ArrayType: new (length: number) => Int32Array }).ArrayType;
  const values = new Values(1);
  values[0] = value;
  const children = [...eventIdData(id, 1), makeData({ type: valueType, length: 1, data: values } as never)];
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1, children, nullCount: 0 }));
}
