import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FrameworkError } from '@alpaka-ts/core';
import { type Table, tableFromIPC } from 'apache-arrow';
import { isPartFile } from './multi-collection-batches';
import { type BranchDescription, branchFileBase, branchOf, eventIndexFile } from './output-file-layout';

/** One branch of an output folder: what it is, the events it was put in, and its files with their sizes. */
export interface FolderBranch {
  readonly description: BranchDescription;
  readonly events: number;
  /** The branch's file names in the folder (its events table first), with their sizes in bytes. */
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  /** The elements over all events (collections: the sum of the sizes; multi-layout: of every layout's). */
  readonly elements: number;
}

/** What an ArrowOutputModule folder holds, read from its events tables (small) and the files' sizes. */
export interface OutputFolder {
  readonly path: string;
  readonly events: number;
  readonly branches: readonly FolderBranch[];
}

/** Reads a small Arrow IPC file whole; a missing or unreadable one is FileOpenError / FileReadError naming it. */
export function readArrowFile(path: string, what: string): Table {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FrameworkError('FileOpenError', `cannot read ${path} (${what}): ${(error as Error).message}`);
  }
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new FrameworkError(
      'FileReadError',
      `${path} (${what}) is not a readable Arrow IPC file (truncated or corrupted?): ${(error as Error).message}`,
    );
  }
}

const sumOf = (table: Table, column: string) =>
  Array.from(table.getChild(column) ?? [], Number).reduce((total, value) => total + value, 0);

/** Lists an output folder's branches (sorted by name), with their events, elements and files. */
export function readOutputFolder(path: string): OutputFolder {
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (error) {
    throw new FrameworkError('FileOpenError', `cannot open ${path}: ${(error as Error).message}`);
  }
  const index = readArrowFile(join(path, eventIndexFile), 'the event index');
  const branches: FolderBranch[] = [];
  for (const name of names.filter((file) => file.endsWith('.events.arrow') && !isPartFile(file))) {
    const table = readArrowFile(join(path, name), name.replace(/\.events\.arrow$/, ''));
    const description = branchOf(table.schema);
    if (description === undefined)
      throw new FrameworkError('FileReadError', `${join(path, name)} is not a branch ArrowOutputModule wrote.`);
    const base = branchFileBase(description.branchName);
    const own = names.filter((file) => file === name || (file.startsWith(`${base}.`) && file !== name));
    const files = [name, ...own.filter((file) => file !== name)].map((file) => ({
      name: file,
      bytes: statSync(join(path, file)).size,
    }));
    const sizes = table.schema.fields.map((field) => field.name).filter((field) => /^size\d*$/.test(field));
    const elements = sizes.reduce((total, column) => total + sumOf(table, column), 0);
    branches.push({ description, events: table.numRows, files, elements });
  }
  return { path, events: index.numRows, branches };
}
