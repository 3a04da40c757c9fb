// Test modules for the ES-reading ED modules' jobs: an IntProducer (edmtest::IntProduct) and a host analyzer that
// journals what a producer put (the host forms, which on the mock accelerator are the implicit copies).

import {
  type ConfigurationDescriptions,
  type ConstEvent,
  type Event,
  global,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import type { PortableHostCollection, PortableHostMultiCollection } from '@alpaka-ts/portable';
import { IntProduct } from '../src/data-formats/int-product';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';

export const collectionReadings: string[] = [];

/** Puts IntProduct(value). */
export class TestIntProducer extends global.EDProducer {
  readonly #put = this.produces(IntProduct);
  readonly #value: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#value = parameters.getParameter<number>('value');
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('value', 'int32');
    descriptions.addWithDefaultLabel(description);
  }

  produce(_streamID: number, event: Event): void {
    event.put(this.#put, new IntProduct(this.#value));
  }
}

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
