import { type EDPutToken, FrameworkError } from '@alpaka-ts/core';
import type { LayoutSchema } from '@alpaka-ts/interface';
import type { RecordBatch, Table } from 'apache-arrow';
import { checkTablesHoldLayout, fillCollectionFromBatches, fillScalarsFromEvents } from './collection-record-batches';
import type { ElementsFileReader } from './elements-file-reader';
import { metadataKeys } from './layout-arrow-schema';
import { layoutsMetadataKey } from './multi-collection-batches';
import { fillObject, structMetadataKey } from './object-batches';
import type { BranchDescription } from './output-file-layout';
import {
  genericCollection,
  genericMultiCollection,
  genericObject,
  layoutFromDescription,
  persistentType,
  structFromDescription,
} from './persistent-types';

/** One layout's tables: its events table (read at once, it is small) and its elements file (read per event). */
export interface InputTables {
  readonly events: Table;
  readonly elements: ElementsFileReader;
}

/** One branch of one input file. */
export interface InputBranch {
  readonly description: BranchDescription;
  readonly token: EDPutToken;
  readonly events: Table;
  /** Events table row of each event (run:luminosityBlock:event) the branch was put in. */
  readonly rows: ReadonlyMap<string, number>;
  /** A collection's own tables, or a multi-layout collection's, one per layout; none for objects and numbers. */
  readonly tables: readonly InputTables[];
}

/**
 * One event's product of a branch read back: a number, an object, a collection or a multi-layout collection, bit for
 * bit as written. A table that is not what ArrowOutputModule wrote is a FileReadError naming the file and branch.
 */
export async function readProduct(branch: InputBranch, row: number): Promise<unknown> {
  const { description, events, tables } = branch;
  const failure = (file: string, why: string) =>
    new FrameworkError('FileReadError', `${file} (branch ${description.branchName}): ${why}`);
  const metadata = (key: string) => {
    const text = events.schema.metadata.get(key);
    if (text === undefined) throw failure('its events table', `the metadata has no ${key}`);
    return text;
  };
  if (description.kind === 'number') return Number(events.getChild('value')?.get(row));
  if (description.kind === 'object') {
    const object = persistentType(description.typeName, genericObject).make(
      [],
      structFromDescription(metadata(structMetadataKey)),
    );
    try {
      fillObject(object.schema, object.buffer.hostArray(), events, row);
    } catch (error) {
      throw failure('its events table', (error as Error).message);
    }
    return object;
  }
  if (description.kind === 'collection') {
    const size = Number(events.getChild('size')?.get(row));
    const collection = persistentType(description.typeName, genericCollection).make(
      [size],
      layoutFromDescription(metadata(metadataKeys.layout)),
    );
    await fillPart(tables[0], row, collection.schema, size, collection.buffer.hostArray(), failure);
    return collection;
  }
  const sizes = tables.map((_, part) => Number(events.getChild(`size${part}`)?.get(row)));
  const layouts = (JSON.parse(metadata(layoutsMetadataKey)) as unknown[]).map((layout) =>
    layoutFromDescription(JSON.stringify(layout)),
  );
  const collection = persistentType(description.typeName, genericMultiCollection).make(sizes, layouts);
  const bytes = collection.buffer.hostArray();
  for (const [part, schema] of collection.schemas.entries())
    await fillPart(tables[part], row, schema, sizes[part] ?? 0, bytes.subarray(collection.offsetOf(part)), failure);
  return collection;
}

/** Reads one layout's batch `row` into `bytes` (that layout's bytes of the product). */
async function fillPart(
  tables: InputTables | undefined,
  row: number,
  layout: LayoutSchema,
  size: number,
  bytes: Uint8Array,
  failure: (file: string, why: string) => FrameworkError,
): Promise<void> {
  if (tables === undefined) throw failure('its events table', 'a layout has no tables');
  try {
    checkTablesHoldLayout(layout, [['events', tables.events.schema]]);
    fillScalarsFromEvents(layout, size, bytes, tables.events, row);
  } catch (error) {
    throw failure('its events table', (error as Error).message);
  }
  try {
    // Straight into the product's memory; apache-arrow's reader only for what that does not cover.
    if (await tables.elements.readColumnsInto(row, layout, size, bytes)) return;
  } catch (error) {
    throw failure(tables.elements.path, (error as Error).message);
  }
  let batch: RecordBatch;
  try {
    batch = await tables.elements.batch(row);
  } catch (error) {
    throw failure(tables.elements.path, (error as Error).message);
  }
  try {
    fillCollectionFromBatches(layout, size, bytes, batch, eventsRow(tables.events, row), 0);
  } catch (error) {
    throw failure(tables.elements.path, (error as Error).message);
  }
}

/** The events table seen from one row (fillCollectionFromBatches reads row 0 of what it is given). */
function eventsRow(events: Table, row: number) {
  return { schema: events.schema, getChild: (name: string) => events.getChild(name)?.slice(row, row + 1) ?? null };
}
