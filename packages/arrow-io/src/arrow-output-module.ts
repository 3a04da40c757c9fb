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
import { PortableHostCollection, PortableHostMultiCollection, PortableHostObject } from '@alpaka-ts/portable';
import { makeData, RecordBatch, Schema, Struct, Uint32, Uint64 } from 'apache-arrow';
import { ArrowFileWriter } from './arrow-file-writer';
import { collectionBatches } from './collection-record-batches';
import { EventIdColumns } from './event-id-columns';
import { type EventNumbers, eventIdFields } from './layout-arrow-schema';
import { multiEventsBatch, multiEventsSchema, partElementsFile, partEventsFile } from './multi-collection-batches';
import { isNumberProductType, numberBatch, numberEventsSchema } from './number-product-batches';
import { objectBatch, objectEventsSchema } from './object-batches';
import {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchFileBase,
  branchMetadataKey,
  eventIndexFile,
} from './output-file-layout';
import { partialFolderName } from './partial-folder-name';

/** Events buffered for events.arrow before they are written as one record batch. */
const eventIndexBatchRows = 1024;

/**
 * CMSSW's PoolOutputModule, writing Arrow (output-file-layout.ts says what goes where): on an EndPath, it writes
 * the products `outputCommands` keep (CMSSW's last-matching-rule selection) of every event `SelectEvents` lets
 * through into the folder `fileName`. Portable host collections, multi-layout collections, objects and number
 * products are written; products of other types (device products, say) are left out and listed in `leftOut`. The
 * folder is written under a temporary name and renamed over `fileName` when the job closes it, also after a
 * failure, so a reader never sees a half-written output and a failed job leaves the events it completed.
 */
export class ArrowOutputModule extends OutputModule {
  readonly fileName: string;
  readonly #partial: string;
  /** The files being written, by name in the folder. */
  readonly #writers = new Map<string, ArrowFileWriter>();
  /** Each branch's events table schema (its own, with the branch in the metadata), by branch name. */
  readonly #branchSchemas = new Map<string, Schema>();
  /** The event id columns' memory, reused by every elements batch: the writers write each batch at once. */
  readonly #idColumns = new EventIdColumns();
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
    this.#partial = partialFolderName(fileName);
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
    const writers = [...this.#writers.values()];
    if (this.#index) writers.push(this.#index);
    await Promise.all(writers.map((writer) => writer.close()));
    rmSync(this.fileName, { recursive: true, force: true });
    renameSync(this.#partial, this.fileName);
  }

  #writeProduct(product: OutputProduct, id: EventNumbers): void {
    const { product: value, branchName } = product;
    const base = branchFileBase(branchName);
    if (value instanceof PortableHostCollection) {
      const batches = collectionBatches(value.schema, value.size, value.buffer.hostArray(), id, this.#idColumns);
      const schema = this.#branchSchema(product, 'collection', batches.events.schema);
      this.#writer(branchEventsFile(branchName)).write(new RecordBatch(schema, batches.events.data));
      this.#writer(branchElementsFile(branchName)).write(batches.elements);
    } else if (value instanceof PortableHostMultiCollection) {
      const { schemas, sizes } = value;
      const schema = this.#branchSchema(product, 'multiCollection', multiEventsSchema(schemas));
      this.#writer(branchEventsFile(branchName)).write(multiEventsBatch(schema, id, sizes));
      const bytes = value.buffer.hostArray();
      schemas.forEach((layout, part) => {
        const partBytes = bytes.subarray(value.offsetOf(part));
        const batches = collectionBatches(layout, sizes[part] ?? 0, partBytes, id, this.#idColumns);
        this.#writer(partEventsFile(base, part)).write(batches.events);
        this.#writer(partElementsFile(base, part)).write(batches.elements);
      });
    } else if (value instanceof PortableHostObject) {
      const schema = this.#branchSchema(product, 'object', objectEventsSchema(value.schema));
      this.#writer(branchEventsFile(branchName)).write(objectBatch(schema, value.schema, value.buffer.hostArray(), id));
    } else if (typeof value === 'number' && isNumberProductType(typeNameOf(product))) {
      const schema = this.#branchSchema(product, 'number', numberEventsSchema(typeNameOf(product), new Map()));
      this.#writer(branchEventsFile(branchName)).write(numberBatch(schema, id, value));
    } else this.leftOut.set(branchName, typeNameOf(product));
  }

  /** The branch's events table schema: `schema` with the branch described in its metadata (made once). */
  #branchSchema(product: OutputProduct, kind: BranchDescription['kind'], schema: Schema): Schema {
    let found = this.#branchSchemas.get(product.branchName);
    if (found === undefined) {
      const branch: BranchDescription = {
        branchName: product.branchName,
        typeName: typeNameOf(product),
        label: product.label,
        instance: product.instance,
        process: product.process,
        kind,
      };
      found = new Schema(schema.fields, new Map([...schema.metadata, [branchMetadataKey, JSON.stringify(branch)]]));
      this.#branchSchemas.set(product.branchName, found);
    }
    return found;
  }

  #writer(name: string): ArrowFileWriter {
    let writer = this.#writers.get(name);
    if (writer === undefined) {
      writer = new ArrowFileWriter(join(this.#partial, name));
      this.#writers.set(name, writer);
    }
    return writer;
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
const indexSchema = new Schema(eventIdFields(), new Map([['alpaka-ts.table', 'event index']]));

const typeNameOf = (product: OutputProduct): string => productTypeName(product.productType);
