// A test module for the ES-reading ED modules' jobs: a host analyzer that journals what a producer put (the host
// forms, which on the mock accelerator are the implicit copies).

import { type ConstEvent, global } from '@alpaka-ts/core';
import type { PortableHostCollection, PortableHostMultiCollection } from '@alpaka-ts/portable';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';

export const collectionReadings: string[] = [];

const columnOf = (view: ReturnType<PortableHostCollection['constView']>, name: string): number[] =>
  Array.from(view.columns[name] as ArrayLike<number>);

function describeLayout(view: ReturnType<PortableHostCollection['constView']>, suffix: string): string {
  const x = columnOf(view, `x${suffix}`);
  const id = columnOf(view, `id${suffix}`);
  const idsOk = id.every((value, i) => value === i);
  const yzZero = [...columnOf(view, `y${suffix}`), ...columnOf(view, `z${suffix}`)].every((value) => value === 0);
  return `size=${x.length} r${suffix}=${view.scalars[`r${suffix}`]} x${suffix}=${x.join(',')} id${idsOk ? '=i' : `=${id.join(',')}`}${yzZero ? '' : ' y/z not 0'}`;
}

const layouts = (multi: PortableHostMultiCollection, suffixes: readonly string[]) =>
  suffixes.map((suffix, index) => describeLayout(multi.constView(index), suffix)).join(' | ');

/** Journals the collection, Multi2 and Multi3 of `source` (an InputTag string). */
export class CollectionReader extends global.EDAnalyzer {
  readonly #get = this.consumes(TestHostCollection, this.parameters.getParameter<string>('source'));
  readonly #getMulti2 = this.consumes(TestHostMultiCollection2, this.parameters.getParameter<string>('source'));
  readonly #getMulti3 = this.consumes(TestHostMultiCollection3, this.parameters.getParameter<string>('source'));
  readonly #multi = this.parameters.exists('multi') ? this.parameters.getParameter<boolean>('multi') : true;

  analyze(_streamID: number, event: ConstEvent): void {
    const lines = [describeLayout(event.get(this.#get).constView(), '')];
    if (this.#multi) {
      lines.push(layouts(event.get(this.#getMulti2), ['', '2']));
      lines.push(layouts(event.get(this.#getMulti3), ['', '2', '3']));
    }
    collectionReadings.push(`${this.moduleLabel}: ${lines.join(' || ')}`);
  }
}
