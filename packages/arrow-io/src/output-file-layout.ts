import type { Schema } from 'apache-arrow';

/*
 * What an output "file" is on disk: a folder of Arrow IPC files (one schema per Arrow file, and a branch of a
 * collection has two tables), which pyarrow, polars or DuckDB open one by one:
 *   events.arrow                the job's events in the order written: run, luminosityBlock, event
 *   <branch>.events.arrow       one row per event the branch was put in (a collection's size and scalars, a
 *                               multi-layout collection's sizes, an object's fields, a number product's value)
 *   <branch>.elements.arrow     a collection's elements, one record batch per events row, in the same order
 *   <branch>.part<i>.*.arrow    layout i of a multi-layout collection, as a collection's two tables
 * <branch> is CMSSW's branch name without its final '.', e.g. portabletestTestHostCollection_producer__TEST.
 * Each branch's events table carries the branch (type, label, instance, process, kind) in its metadata.
 */

export const eventIndexFile = 'events.arrow';
export const branchMetadataKey = 'alpaka-ts.branch';

/** What a branch's events table says of it. */
export interface BranchDescription {
  readonly branchName: string;
  readonly typeName: string;
  readonly label: string;
  readonly instance: string;
  readonly process: string;
  /**
   * A portable host collection (two tables), a multi-layout collection (its sizes, and two tables per layout),
   * an object or a number product (its events table alone).
   */
  readonly kind: 'collection' | 'multiCollection' | 'object' | 'number';
}

export const branchFileBase = (branchName: string): string => branchName.replace(/\.$/, '');
export const branchEventsFile = (branchName: string): string => `${branchFileBase(branchName)}.events.arrow`;
export const branchElementsFile = (branchName: string): string => `${branchFileBase(branchName)}.elements.arrow`;

/** The branch a branch events table's schema describes; undefined when it has none. */
export function branchOf(schema: Schema): BranchDescription | undefined {
  const text = schema.metadata.get(branchMetadataKey);
  return text === undefined ? undefined : (JSON.parse(text) as BranchDescription);
}
