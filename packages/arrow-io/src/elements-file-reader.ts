import { type FileHandle, open } from 'node:fs/promises';
import { type AsyncRecordBatchFileReader, type RecordBatch, RecordBatchReader } from 'apache-arrow';

/**
 * An elements file read one record batch (one event) at a time, by random access through the file's footer
 * (apache-arrow's asynchronous file reader over a file handle), so reading never holds the whole file. Opened on
 * first read; close() closes it if it was.
 */
export class ElementsFileReader {
  #opened: Promise<{ handle: FileHandle; reader: AsyncRecordBatchFileReader }> | undefined;

  constructor(readonly path: string) {}

  /** Record batch `index`; rejects when the file cannot be read as an Arrow IPC file or has no such batch. */
  async batch(index: number): Promise<RecordBatch> {
    this.#opened ??= open(this.path).then(async (handle) => {
      const reader = (await RecordBatchReader.from(handle)) as AsyncRecordBatchFileReader;
      await reader.open();
      return { handle, reader };
    });
    let batch: RecordBatch | null;
    try {
      const { reader } = await this.#opened;
      batch = await reader.readRecordBatch(index);
    } catch (error) {
      throw new Error(`not a readable Arrow IPC file (truncated or corrupted?): ${(error as Error).message}`);
    }
    if (!batch) throw new Error(`it has no record batch ${index}`);
    return batch;
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
