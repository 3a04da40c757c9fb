import { type FileHandle, open } from 'node:fs/promises';
import { computeLayout, type LayoutSchema } from '@alpaka-ts/interface';
import { type AsyncRecordBatchFileReader, type RecordBatch, RecordBatchReader } from 'apache-arrow';
import { checkTablesHoldLayout, fieldValues, type NumericArray, placeMatrixValues } from './collection-record-batches';
import { valuesPerElement } from './layout-arrow-schema';
import { columnRegions } from './record-batch-regions';

interface OpenedFile {
  readonly handle: FileHandle;
  readonly reader: AsyncRecordBatchFileReader;
}

/**
 * An elements file read one record batch (one event) at a time, by random access through the file's footer
 * (apache-arrow's asynchronous file reader over a file handle), so reading never holds the whole file. Opened on
 * first read; close() closes it if it was.
 */
export class ElementsFileReader {
  #opened: Promise<OpenedFile> | undefined;

  constructor(readonly path: string) {}

  #open(): Promise<OpenedFile> {
    this.#opened ??= open(this.path).then(async (handle) => {
      try {
        const reader = (await RecordBatchReader.from(handle)) as AsyncRecordBatchFileReader;
        await reader.open();
        return { handle, reader };
      } catch (error) {
        await handle.close();
        throw error;
      }
    });
    return this.#opened;
  }

  /** Record batch `index`; rejects when the file cannot be read as an Arrow IPC file or has no such batch. */
  async batch(index: number): Promise<RecordBatch> {
    let batch: RecordBatch | null;
    try {
      const { reader } = await this.#open();
      batch = await reader.readRecordBatch(index);
    } catch (error) {
      throw new Error(`not a readable Arrow IPC file (truncated or corrupted?): ${(error as Error).message}`);
    }
    if (!batch) throw new Error(`it has no record batch ${index}`);
    return batch;
  }

  /**
   * Reads the columns of record batch `index` straight into a collection's bytes (`size` elements of `layout`),
   * each plain or array column with one positioned read into its place, since apache-arrow's reader would read
   * the whole batch, the event id columns too, into a new buffer first (at 10^6 elements most of the time goes to
   * that buffer's first touch). Scalars are the events table's business. Resolves to false, having read nothing,
   * when the batch is not one this covers (record-batch-regions.ts): the caller reads it with batch() then.
   */
  async readColumnsInto(index: number, layout: LayoutSchema, size: number, bytes: Uint8Array): Promise<boolean> {
    const failure = (why: string) => new Error(`not a readable Arrow IPC file (truncated or corrupted?): ${why}`);
    let opened: OpenedFile;
    try {
      opened = await this.#open();
    } catch (error) {
      throw failure((error as Error).message);
    }
    const { handle, reader } = opened;
    checkTablesHoldLayout(layout, [['elements', reader.schema]]);
    const block = reader.footer?.getRecordBatch(index) ?? null;
    if (block === null) throw new Error(`it has no record batch ${index}`);
    const metadata = new Uint8Array(block.metaDataLength);
    await readExactly(handle, metadata, block.offset, failure);
    const regions = columnRegions(reader.schema, metadata, block.offset + block.metaDataLength);
    if (regions === undefined) return false;
    if (regions.length !== size) throw new Error(`record batch ${index} holds ${regions.length} rows, not ${size}`);
    const reads: Promise<void>[] = [];
    for (const placed of computeLayout(layout, size).fields) {
      if (placed.field.kind === 'scalar') continue;
      const name = placed.field.name;
      const region = regions.columns.get(name);
      if (region === undefined) throw new Error(`the elements table has no column '${name}'`);
      if (region.nullCount !== 0) throw new Error(`the column '${name}' has ${region.nullCount} nulls`);
      const count = size * valuesPerElement(placed.field);
      const isBool = placed.field.elementType.name === 'bool';
      const byteLength = isBool ? Math.ceil(count / 8) : count * placed.field.elementType.byteSize;
      if (region.length < byteLength)
        throw new Error(`the column '${name}' holds ${region.length} bytes where ${byteLength} are expected`);
      if (!isBool && placed.field.kind !== 'matrixColumn') {
        const target = fieldValues(bytes, placed, count);
        reads.push(
          readExactly(handle, new Uint8Array(target.buffer, target.byteOffset, byteLength), region.position, failure),
        );
        continue;
      }
      const staged = new Uint8Array(byteLength);
      reads.push(
        readExactly(handle, staged, region.position, failure).then(() => {
          const values: NumericArray = isBool
            ? expandBits(staged, new placed.field.elementType.arrayConstructor(count) as NumericArray)
            : (new placed.field.elementType.arrayConstructor(staged.buffer, 0, count) as NumericArray);
          if (placed.field.kind === 'matrixColumn') placeMatrixValues(placed, size, bytes, values);
          else fieldValues(bytes, placed, count).set(values);
        }),
      );
    }
    await Promise.all(reads);
    return true;
  }

  async close(): Promise<void> {
    const opened = this.#opened;
    this.#opened = undefined;
    // One that failed to open was reported by the read that opened it.
    if (opened)
      await opened.then(
        ({ handle }) => handle.close(),
        () => undefined,
      );
  }
}

/** Fills `target` from the file at `position`; a short read means the file is cut short. */
async function readExactly(
  handle: FileHandle,
  target: Uint8Array,
  position: number,
  failure: (why: string) => Error,
): Promise<void> {
  let done = 0;
  while (done < target.byteLength) {
    const { bytesRead } = await handle.read(target, done, target.byteLength - done, position + done);
    if (bytesRead === 0) throw failure(`it ends ${target.byteLength - done} bytes short of a column at ${position}`);
    done += bytesRead;
  }
}

/** Arrow's bit-packed booleans, least significant bit first, as one 0/1 value each. */
function expandBits(bits: Uint8Array, values: NumericArray): NumericArray {
  for (let index = 0; index < values.length; index++) values[index] = ((bits[index >> 3] ?? 0) >> (index & 7)) & 1;
  return values;
}
