import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { FrameworkError } from '@alpaka-ts/core';
import { type AsyncRecordBatchFileReader, RecordBatch, RecordBatchReader, type Schema } from 'apache-arrow';
import { ArrowFileWriter } from './arrow-file-writer';
import { readArrowFile } from './output-folder';
import { partialFolderName } from './partial-folder-name';

const schemaText = (schema: Schema) =>
  JSON.stringify([schema.fields.map((field) => `${field.name}:${field.type}`), [...schema.metadata].sort()]);

function filesOf(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.arrow'))
      .sort();
  } catch (error) {
    throw new FrameworkError('FileOpenError', `alpaka-merge cannot open ${folder}: ${(error as Error).message}`);
  }
}

/** Checks that every input has the first one's files with the same schemas; the first difference is the error. */
function checkSameBranches(inputs: readonly string[]): string[] {
  const [first, ...others] = inputs;
  if (first === undefined) throw new FrameworkError('Configuration', 'alpaka-merge needs at least one input.');
  const names = filesOf(first);
  const schemas = new Map(names.map((name) => [name, schemaText(readArrowFile(join(first, name), name).schema)]));
  for (const input of others) {
    const theirs = filesOf(input);
    const missing = names.filter((name) => !theirs.includes(name));
    const extra = theirs.filter((name) => !names.includes(name));
    if (missing.length > 0 || extra.length > 0)
      throw new FrameworkError(
        'MismatchedInputFiles',
        `${input} does not hold the branches ${first} holds` +
          (missing.length > 0 ? `; it lacks ${missing.join(', ')}` : '') +
          (extra.length > 0 ? `; it also has ${extra.join(', ')}` : '') +
          '. Merge only the outputs of jobs of one configuration.',
      );
    for (const name of names) {
      if (schemaText(readArrowFile(join(input, name), name).schema) !== schemas.get(name))
        throw new FrameworkError(
          'MismatchedInputFiles',
          `${join(input, name)} has another schema than ${join(first, name)} (another layout or process?).`,
        );
    }
  }
  return names;
}

/**
 * CMSSW's edmCopyPickMerge for Arrow output folders: `output` gets every file of the inputs, their record batches
 * one after the other in the order of `inputs` (so the event index, each branch's events and its elements stay in
 * step), streamed one batch at a time. The inputs must hold the same files with the same schemas (the outputs of
 * one configuration's jobs); a difference is MismatchedInputFiles, naming it, and nothing is written. The output is
 * written under a temporary name and renamed into place when complete.
 */
export async function mergeOutputs(
  output: string,
  inputs: readonly string[],
): Promise<{ events: number; files: number }> {
  const names = checkSameBranches(inputs);
  const partial = partialFolderName(output);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  let events = 0;
  try {
    for (const name of names) {
      const writer = new ArrowFileWriter(join(partial, name));
      let schema: Schema | undefined;
      for (const input of inputs) {
        const handle = await open(join(input, name));
        try {
          const reader = (await RecordBatchReader.from(handle)) as AsyncRecordBatchFileReader;
          for await (const batch of reader) {
            schema ??= batch.schema;
            // One schema object for the whole file: the writer starts a new stream on a schema it has not seen.
            writer.write(new RecordBatch(schema, batch.data));
            if (name === 'events.arrow') events += batch.numRows;
          }
        } finally {
          await handle.close();
        }
      }
      await writer.close();
    }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  rmSync(output, { recursive: true, force: true });
  renameSync(partial, output);
  return { events, files: names.length };
}
