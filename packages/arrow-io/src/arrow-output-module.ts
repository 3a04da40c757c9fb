import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  FrameworkError,
  type OutputEvent,
  OutputModule,
  type OutputProduct,
  type ParameterSet,
  productTypeName,
} from '@alpaka-ts/core';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { Field, makeData, RecordBatch, Schema, Struct, Uint32, Uint64 } from 'apache-arrow';
import { ArrowFileWriter } from './arrow-file-writer';
import { collectionBatches, type EventNumbers } from './collection-record-batches';
import { isNumberProductType, numberBatch, numberEventsSchema } from './number-product-batches';
import {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchMetadataKey,
  eventIndexFile,
} from './output-file-layout';

/** The files of one branch: its events table, and a collection's elements table. */
interface BranchFiles {
  readonly events: ArrowFileWriter;
  readonly elements: ArrowFileWriter | undefined;
  readonly eventsSchema: Schema;
}

/** Events buffered for events.arrow before they are written as one record batch. */
const eventIndexBatchRows = 1024;

/**
 * CMSSW's PoolOutputModule, writing Arrow (output-file-layout.ts says what goes where): on an EndPath, it writes
 * the products `outputCommands` keep (CMSSW's last-matching-rule selection) of every event `SelectEvents` lets
 * through into the folder `fileName`. Portable host collections and number products are written; products of
 * other types (device products, objects without a table form yet) are left out and listed in `leftOut`. The
 * folder is written under a temporary name and renamed over `fileName` when the job closes it, also after a
 * failure, so a reader never sees a half-written output and a failed job leaves the events it completed.
 */
export class ArrowOutputModule extends OutputModule {
  readonly fileName: string;
  readonly #partial: string;
  readonly #branches = new Map<string, BranchFiles>();
  #index: ArrowFileWriter | undefined;
  #pending: EventNumbers[] = [];
  /** Branch names of products this module could not write, with their type. */
  readonly leftOut = new Map<string, string>();

  constructor(parameters: ParameterSet) {
    super(parameters);
    const fileName = parameters.getUntrackedParameter<string | undefined>('fileName', undefined);
    if (typeof fileName !== 'string' || fileName === '')
      throw new FrameworkError(
        'Configuration',
        `ArrowOutputModule '${this.moduleLabel}' needs an untracked string 'fileName', the folder to write.`,
      );
    this.fileName = fileName;
    this.#partial = `${fileName}.partial-${process.pid}`;
  }

  override openFile(): void {
    rmSync(this.#partial, { recursive: true, force: true });
    try {
      mkdirSync(this.#partial, { recursive: true });
    } catch (error) {
      throw new FrameworkError('FileOpenError', `cannot create ${this.#partial}: ${(error as Error).message}`);
    }
    this.#index = new ArrowFileWriter(join(this.#partial, eventIndexFile));
  }

  write(event: OutputEvent): void {
    const id = { run: event.id.run, luminosityBlock: event.id.luminosityBlock, event: event.id.event };
    for (const product of event.products) this.#writeProduct(product, id);
    this.#pending.push(id);
    if (this.#pending.length >= eventIndexBatchRows) this.#flushIndex();
  }

  override async closeFile(): Promise<void> {
    this.#flushIndex();
    const writers = [...this.#branches.values()].flatMap((files) =>
      files.elements ? [files.events, files.elements] : [files.events],
    );
    if (this.#index) writers.push(this.#index);
    await Promise.all(writers.map((writer) => writer.close()));
    rmSync(this.fileName, { recursive: true, force: true });
    renameSync(this.#partial, this.fileName);
  }

  #writeProduct(product: OutputProduct, id: EventNumbers): void {
    const { product: value } = product;
    if (value instanceof PortableHostCollection) {
      const batches = collectionBatches(value.schema, value.size, value.buffer.hostArray(), id);
      const files = this.#filesOf(product, 'collection', batches.events.schema);
      files.events.write(new RecordBatch(files.eventsSchema, batches.events.data));
      files.elements?.write(batches.elements);
      return;
    }
    const typeName = typeNameOf(product);
    if (typeof value === 'number' && isNumberProductType(typeName)) {
      const files = this.#filesOf(product, 'number', numberEventsSchema(typeName, new Map()));
      files.events.write(numberBatch(files.eventsSchema, id, value));
      return;
    }
    this.leftOut.set(product.branchName, typeName);
  }

  #filesOf(product: OutputProduct, kind: BranchDescription['kind'], schema: Schema): BranchFiles {
    let files = this.#branches.get(product.branchName);
    if (files === undefined) {
      const branch: BranchDescription = {
        branchName: product.branchName,
        typeName: typeNameOf(product),
        label: product.label,
        instance: product.instance,
        process: product.process,
        kind,
      };
      const metadata = new Map([...schema.metadata, [branchMetadataKey, JSON.stringify(branch)]]);
      files = {
        events: new ArrowFileWriter(join(this.#partial, branchEventsFile(product.branchName))),
        elements:
          kind === 'collection'
            ? new ArrowFileWriter(join(this.#partial, branchElementsFile(product.branchName)))
            : undefined,
        eventsSchema: new Schema(schema.fields, metadata),
      };
      this.#branches.set(product.branchName, files);
    }
    return files;
  }

  #flushIndex(): void {
    const rows = this.#pending;
    if (rows.length === 0 || this.#index === undefined) return;
    this.#pending = [];
    const column = (pick: (row: EventNumbers) => number) => Uint32Array.from(rows, pick);
    const children = [
      makeData({ type: new Uint32(), length: rows.length, data: column((row) => row.run) }),
      makeData({ type: new Uint32(), length: rows.length, data: column((row) => row.luminosityBlock) }),
      makeData({
        type: new Uint64(),
        length: rows.length,
        data: BigUint64Array.from(rows, (row) => BigInt(row.event)),
      }),
    ];
    const data = makeData({ type: new Struct(indexSchema.fields), length: rows.length, children, nullCount: 0 });
    this.#index.write(new RecordBatch(indexSchema, data));
  }
}

/** events.arrow's schema: the event ids, in the order the events were written. */
const indexSchema = new Schema(
  [
    new Field('run', new Uint32(), false),
    new Field('luminosityBlock', new Uint32(), false),
    new Field('event', new Uint64(), false),
  ],
  new Map([['alpaka-ts.table', 'event index']]),
);

const typeNameOf = (product: OutputProduct): string => productTypeName(product.productType);
