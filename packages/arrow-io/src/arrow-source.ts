import { readdirSync, readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type EDPutToken,
  type Event,
  FrameworkError,
  InputSource,
  makeEventID,
  namedProductType,
  type ParameterSet,
  type SourceEvent,
} from '@alpaka-ts/core';
import { type AsyncRecordBatchFileReader, RecordBatchReader, type Table, tableFromIPC } from 'apache-arrow';
import { fillCollectionFromBatches } from './collection-record-batches';
import { metadataKeys } from './layout-arrow-schema';
import {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchOf,
  eventIndexFile,
} from './output-file-layout';
import { layoutFromDescription, persistentCollection } from './persistent-types';

/** One branch of one input file: its events table (read at once, it is small) and its elements file (read per event). */
interface InputBranch {
  readonly description: BranchDescription;
  readonly token: EDPutToken;
  readonly events: Table;
  /** Events table row of each event (run:luminosityBlock:event) the branch was put in. */
  readonly rows: ReadonlyMap<string, number>;
  readonly elementsPath: string;
  elements?: Promise<{ handle: FileHandle; reader: AsyncRecordBatchFileReader }>;
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
 * collections, as the class registered for their type or PortableHostCollection; number products), under its
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
    for (const name of names.filter((file) => file.endsWith('.events.arrow')).sort()) {
      const table = readTable(path, name, name.replace(/\.events\.arrow$/, ''));
      const description = branchOf(table.schema);
      if (description === undefined || branchEventsFile(description.branchName) !== name)
        throw new FrameworkError('FileReadError', `${join(path, name)} is not a branch ArrowOutputModule wrote.`);
      let token = tokens.get(description.branchName);
      if (token === undefined) {
        token = this.producesFromProcess(
          productTypeOf(description),
          description.label,
          description.instance,
          description.process,
        );
        tokens.set(description.branchName, token);
      }
      const rows = new Map<string, number>();
      const [run, lumi, event] = [table.getChild('run'), table.getChild('luminosityBlock'), table.getChild('event')];
      for (let row = 0; row < table.numRows; row++)
        rows.set(eventKey(run?.get(row), lumi?.get(row), event?.get(row)), row);
      branches.push({
        description,
        token,
        events: table,
        rows,
        elementsPath: join(path, branchElementsFile(description.branchName)),
      });
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
    // The files that opened are closed; one that failed to open was reported by the event that read it.
    const opened = this.#files.flatMap((file) =>
      file.branches.flatMap((branch) => (branch.elements ? [branch.elements] : [])),
    );
    await Promise.all(
      opened.map((elements) =>
        elements.then(
          ({ handle }) => handle.close(),
          () => undefined,
        ),
      ),
    );
  }
}

function readTable(path: string, name: string, what: string): Table {
  const file = join(path, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new FrameworkError('FileOpenError', `ArrowSource cannot read ${file} (${what}): ${(error as Error).message}`);
  }
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new FrameworkError(
      'FileReadError',
      `${file} (${what}) is not a readable Arrow IPC file (truncated or corrupted?): ${(error as Error).message}`,
    );
  }
}

function productTypeOf(description: BranchDescription) {
  if (description.kind === 'number') return namedProductType<number>(description.typeName);
  return (
    persistentCollection(description.typeName)?.type ??
    persistentCollection('PortableHostCollection')?.type ??
    namedProductType(description.typeName)
  );
}

async function readProduct(branch: InputBranch, row: number): Promise<unknown> {
  const { description, events } = branch;
  if (description.kind === 'number') return Number(events.getChild('value')?.get(row));
  const failure = (why: string) =>
    new FrameworkError('FileReadError', `${branch.elementsPath} (branch ${description.branchName}): ${why}`);
  branch.elements ??= open(branch.elementsPath).then(async (handle) => {
    const reader = (await RecordBatchReader.from(handle)) as AsyncRecordBatchFileReader;
    await reader.open();
    return { handle, reader };
  });
  let batch: Awaited<ReturnType<AsyncRecordBatchFileReader['readRecordBatch']>>;
  try {
    const { reader } = await branch.elements;
    batch = await reader.readRecordBatch(row);
  } catch (error) {
    throw failure(`not a readable Arrow IPC file (truncated or corrupted?): ${(error as Error).message}`);
  }
  if (!batch) throw failure(`it has no record batch ${row} for the event in row ${row} of its events table`);
  const layoutText = events.schema.metadata.get(metadataKeys.layout);
  if (layoutText === undefined) throw failure('its events table has no layout');
  const layout = layoutFromDescription(layoutText);
  const size = Number(events.getChild('size')?.get(row));
  const maker = persistentCollection(description.typeName) ?? persistentCollection('PortableHostCollection');
  const collection = (maker as NonNullable<typeof maker>).make(size, layout);
  try {
    fillCollectionFromBatches(collection.schema, size, collection.buffer.hostArray(), batch, eventsRow(events, row), 0);
  } catch (error) {
    throw failure((error as Error).message);
  }
  return collection;
}

/** The events table seen from one row (fillCollectionFromBatches reads row 0 of what it is given). */
function eventsRow(events: Table, row: number) {
  return { schema: events.schema, getChild: (name: string) => events.getChild(name)?.slice(row, row + 1) ?? null };
}
