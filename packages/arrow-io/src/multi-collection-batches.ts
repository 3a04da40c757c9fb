import type { LayoutSchema } from '@alpaka-ts/interface';
import { Field, makeData, RecordBatch, Schema, Struct, Uint32 } from 'apache-arrow';
import { type EventNumbers, eventIdData, eventIdFields, layoutDescription } from './layout-arrow-schema';

/*
 * A multi-layout collection (PortableHostMultiCollection) as a branch events table of run, luminosityBlock, event
 * and one size per layout (size0, size1, …), whose metadata lists the layouts under alpaka-ts.layouts, plus each
 * layout as a collection of its own in <branch>.part<i>.events.arrow and <branch>.part<i>.elements.arrow.
 */
export const layoutsMetadataKey = 'alpaka-ts.layouts';

export const partEventsFile = (base: string, part: number): string => `${base}.part${part}.events.arrow`;
export const partElementsFile = (base: string, part: number): string => `${base}.part${part}.elements.arrow`;
export const isPartFile = (name: string): boolean => /\.part\d+\.(events|elements)\.arrow$/.test(name);

export const layoutsDescription = (layouts: readonly LayoutSchema[]): string =>
  JSON.stringify(layouts.map((layout) => JSON.parse(layoutDescription(layout))));

/** The branch events table of a multi-layout collection of these layouts. */
export function multiEventsSchema(layouts: readonly LayoutSchema[]): Schema {
  return new Schema(
    [...eventIdFields(), ...layouts.map((_, index) => new Field(`size${index}`, new Uint32(), false))],
    new Map([[layoutsMetadataKey, layoutsDescription(layouts)]]),
  );
}

/** One event's row of that table: its id and the sizes. */
export function multiEventsBatch(schema: Schema, id: EventNumbers, sizes: readonly number[]): RecordBatch {
  const children = [
    ...eventIdData(id, 1),
    ...sizes.map((size) => makeData({ type: new Uint32(), length: 1, data: Uint32Array.of(size) })),
  ];
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1, children, nullCount: 0 }));
}
