import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ConfigurationDescriptions,
  type EDPutToken,
  type Event,
  EventSkipperByID,
  FrameworkError,
  InputSource,
  makeEventID,
  namedProductType,
  type ParameterSet,
  ParameterSetDescription,
  type ProductType,
  type SourceEvent,
} from '@alpaka-ts/core';
import type { Table } from 'apache-arrow';
import { type InputBranch, type InputTables, readProduct } from './branch-product-reader';
import { ElementsFileReader } from './elements-file-reader';
import { isPartFile, partElementsFile, partEventsFile } from './multi-collection-batches';
import {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchFileBase,
  branchOf,
  eventIndexFile,
} from './output-file-layout';
import { readArrowFile } from './output-folder';
import { genericCollection, genericMultiCollection, genericObject, persistentType } from './persistent-types';

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
 *
 * A batch job's share of the files comes from PoolSource's splitting parameters (EventSkipperByID):
 * `firstRun`/`firstLuminosityBlock`/`firstEvent` skip what comes before, `eventsToProcess`/`eventsToSkip` and
 * `lumisToProcess`/`lumisToSkip` select by ranges, and `skipEvents` then skips that many of the events left.
 */
export class ArrowSource extends InputSource {
  readonly #files: InputFile[] = [];
  #file = 0;
  #event = 0;
  #toSkip: number;
  readonly #fileOfEvent = new Map<string, InputFile>();
  readonly #seen = new Set<string>();
  /** Events skipped because an earlier file held the same run:lumi:event (CMSSW logs them; here they are counted). */
  duplicatesSkipped = 0;
  readonly #skipper: EventSkipperByID;

  /** PoolSource's description, as far as these files go: every parameter untracked. */
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.setComment('Reads the Arrow folders ArrowOutputModule wrote back into events.');
    description.addUntracked('fileNames', 'vstring').setComment('The output folders to read, in order.');
    description
      .addUntracked('skipEvents', 'uint32', 0)
      .setComment('Skip the first skipEvents events that the ranges below leave.');
    EventSkipperByID.fillDescription(description, true);
    descriptions.add('source', description);
  }

  constructor(parameters: ParameterSet) {
    super(parameters);
    const fileNames = parameters.getUntrackedParameter<readonly string[] | undefined>('fileNames', undefined);
    if (!Array.isArray(fileNames) || fileNames.length === 0)
      throw new FrameworkError(
        'Configuration',
        "ArrowSource needs an untracked vstring 'fileNames', the folders to read.",
      );
    this.#toSkip = Number(parameters.getUntrackedParameter<number>('skipEvents', 0));
    this.#skipper = new EventSkipperByID(parameters, true);
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
      if (this.#skipper.skips(id)) continue;
      // PoolSource's duplicateCheckMode checkAllFilesOpened: an event already read from an earlier file (the same
      // folder listed twice, overlapping job outputs) is skipped, so every event is read from one file.
      const key = eventKey(id.run, id.luminosityBlock, id.event);
      if (this.#seen.has(key)) {
        this.duplicatesSkipped++;
        continue;
      }
      this.#seen.add(key);
      if (this.#toSkip > 0) {
        this.#toSkip--;
        continue;
      }
      // fillEvent may come after a later next() (several streams): each event remembers its file.
      this.#fileOfEvent.set(key, file);
      return { id: makeEventID(id.run, id.luminosityBlock, id.event), time: 0n };
    }
  }

  override async fillEvent(event: Event, sourceEvent: SourceEvent): Promise<void> {
    const { run, luminosityBlock, event: number } = sourceEvent.id;
    const key = eventKey(run, luminosityBlock, number);
    const file = this.#fileOfEvent.get(key);
    if (file === undefined) return;
    this.#fileOfEvent.delete(key);
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
