import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { type RecordBatch, RecordBatchFileWriter } from 'apache-arrow';

/**
 * One Arrow IPC file written record batch by record batch (apache-arrow's RecordBatchFileWriter streamed into
 * the file), so a job never holds more than the batches not yet flushed; close() writes the footer that makes
 * the file readable, and resolves once everything is on disk.
 */
export class ArrowFileWriter {
  readonly #writer = new RecordBatchFileWriter();
  readonly #file: WriteStream;
  #failure: Error | undefined;
  /** Record batches written (one per event). */
  batches = 0;

  constructor(readonly path: string) {
    this.#file = createWriteStream(path);
    this.#file.on('error', (error) => {
      this.#failure ??= error;
    });
    this.#writer.toNodeStream().pipe(this.#file);
  }

  write(batch: RecordBatch): void {
    if (this.#failure) throw this.#failure;
    this.#writer.write(batch);
    this.batches++;
  }

  async close(): Promise<void> {
    this.#writer.close();
    await finished(this.#file);
    if (this.#failure) throw this.#failure;
  }
}
