import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type EDPutToken,
  type Event,
  FrameworkError,
  InputSource,
  makeEventID,
  namedProductType,
  type ParameterSet,
  type ProductType,
  type SourceEvent,
} from '@alpaka-ts/core';
import type { LayoutSchema } from '@alpaka-ts/interface';
import type { RecordBatch, Table } from 'apache-arrow';
import { fillCollectionFromBatches } from './collection-record-batches';
import { ElementsFileReader } from './elements-file-reader';
import { metadataKeys } from './layout-arrow-schema';
import { isPartFile, layoutsMetadataKey, partElementsFile, partEventsFile } from './multi-collection-batches';
import { fillObject, structMetadataKey } from './object-batches';
import {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchFileBase,
  branchOf,
  eventIndexFile,
} from './output-file-layout';
import { readArrowFile } from './output-folder';
import {
  genericCollection,
  genericMultiCollection,
  genericObject,
  layoutFromDescription,
  persistentType,
  structFromDescription,
} from './persistent-types';

/** One layout's tables: its events table (read at once, it is small) and its elements file (read per event). */
interface InputTables {
  readonly events: Table;
  readonly elements: ElementsFileReader;
}

/** One branch of one input file. */
interface InputBranch {
  readonly description: BranchDescription;
  readonly token: EDPutToken;
  readonly events: Table;
  /** Events table row of each event (run:luminosityBlock:event) the branch was put in. */
  readonly rows: ReadonlyMap<string, number>;
  /** A collection's own tables, or a multi-layout collection's, one per layout; none for objects and numbers. */
  readonly tables: readonly InputTables[];
}

interface InputFile {
  readonly path: string;
  readonly events: readonly { run: number; luminosityBlock: number; event: number }[];
  readonly branches: InputBranch[];
}

const eventKey = (run: number, luminosityBlock: number, event: number | bigint) => `${run}:${luminosityBlock}:${event}`;

/**
 * CMSSW's PoolSource, reading what ArrowOutputModule wrote: `fileNames` (untracked vstring, the output folders, read
 * in order) and `skipEvents` (untracked uint32). Every branch of the files is put in its events (portable host
 * collections, multi-layout collections and objects, as the class registered for their type or the portable
 * type itself; number products), under its
 * label, instance and process. A file that is missing, truncated or not what ArrowOutputModule writes fails the
 * job with FileOpenError or FileReadError naming the file and the branch.
 */
export class ArrowSource extends InputSource {
  readonly #files: InputFile[] = [];
  #file = 0;
  #event = 0;
  #toSkip: number;
  #current: InputFile | undefined;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const fileNames = parameters.getUntrackedParameter<readonly string[] | undefined>('fileNames', undefined);
    if (!Array.isArray(fileNames) || fileNames.length === 0)
      throw new FrameworkError(
        'Configuration',
        "ArrowSource needs an untracked vstring 'fileNames', the folders to read.",
      );
    this.#toSkip = Number(parameters.getUntrackedParameter<number>('skipEvents', 0));
    const tokens = new Map<string, EDPutToken>();
    for (const path of fileNames) this.#files.push(this.#openFile(path, tokens));
  }

  #openFile(path: string, tokens: Map<string, EDPutToken>): InputFile {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      throw new FrameworkError('FileOpenError', `ArrowSource cannot open ${path}: ${(error as Error).message}`);
    }
    const index = readTable(path, eventIndexFile, 'the event index');
    const runs = index.getChild('run');
    const lumis = index.getChild('luminosityBlock');
    const numbers = index.getChild('event');
    const events = Array.from({ length: index.numRows }, (_, row) => ({
      run: Number(runs?.get(row)),
      luminosityBlock: Number(lumis?.get(row)),
      event: Number(numbers?.get(row)),
    }));
    const branches: InputBranch[] = [];
    for (const name of names.filter((file) => file.endsWith('.events.arrow') && !isPartFile(file)).sort()) {
      const table = readTable(path, name, name.replace(/\.events\.arrow$/, ''));
      const description = branchOf(table.schema);
      if (description === undefined || branchEventsFile(description.branchName) !== name)
        throw new FrameworkError('FileReadError', `${join(path, name)} is not a branch ArrowOutputModule wrote.`);
      let token = tokens.get(description.branchName);
      if (token === undefined) {
        const type = productTypeOf(description);
        token = this.producesFromProcess(type, description.label, description.instance, description.process);
        tokens.set(description.branchName, token);
      }
      const rows = new Map<string, number>();
      const [run, lumi, event] = [table.getChild('run'), table.getChild('luminosityBlock'), table.getChild('event')];
      for (let row = 0; row < table.numRows; row++)
        rows.set(eventKey(run?.get(row), lumi?.get(row), event?.get(row)), row);
      branches.push({ description, token, events: table, rows, tables: tablesOf(path, description, table) });
    }
    return { path, events, branches };
  }

  override next(): SourceEvent | undefined {
    for (;;) {
      const file = this.#files[this.#file];
      if (file === undefined) return undefined;
      const id = file.events[this.#event];
      if (id === undefined) {
        this.#file++;
        this.#event = 0;
        continue;
      }
      this.#event++;
      if (this.#toSkip > 0) {
        this.#toSkip--;
        continue;
      }
      this.#current = file;
      return { id: makeEventID(id.run, id.luminosityBlock, id.event), time: 0n };
    }
  }

  override async fillEvent(event: Event, sourceEvent: SourceEvent): Promise<void> {
    const file = this.#current;
    if (file === undefined) return;
    const { run, luminosityBlock, event: number } = sourceEvent.id;
    const key = eventKey(run, luminosityBlock, number);
    for (const branch of file.branches) {
      const row = branch.rows.get(key);
      if (row === undefined) continue; // not put in this event: absent, not zero
      event.put(branch.token, await readProduct(branch, row));
    }
  }

  override async endJob(): Promise<void> {
    const tables = this.#files.flatMap((file) => file.branches.flatMap((branch) => branch.tables));
    await Promise.all(tables.map((table) => table.elements.close()));
  }
}

/** A branch's collection tables: its own, or one pair per layout of a multi-layout collection. */
function tablesOf(path: string, description: BranchDescription, events: Table): InputTables[] {
  const base = branchFileBase(description.branchName);
  if (description.kind === 'collection')
    return [{ events, elements: new ElementsFileReader(join(path, branchElementsFile(description.branchName))) }];
  if (description.kind !== 'multiCollection') return [];
  const layouts = events.schema.fields.filter((field) => /^size\d+$/.test(field.name)).length;
  return Array.from({ length: layouts }, (_, part) => ({
    events: readTable(path, partEventsFile(base, part), `${description.branchName} layout ${part}`),
    elements: new ElementsFileReader(join(path, partElementsFile(base, part))),
  }));
}

/** A small table of the folder, read whole (output-folder.ts: FileOpenError or FileReadError naming it). */
const readTable = (path: string, name: string, what: string): Table => readArrowFile(join(path, name), what);

function productTypeOf(description: BranchDescription): ProductType {
  switch (description.kind) {
    case 'number':
      return namedProductType<number>(description.typeName);
    case 'collection':
      return persistentType(description.typeName, genericCollection).type;
    case 'multiCollection':
      return persistentType(description.typeName, genericMultiCollection).type;
    case 'object':
      return persistentType(description.typeName, genericObject).type;
  }
}

async function readProduct(branch: InputBranch, row: number): Promise<unknown> {
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
