import {
  type ConfigurationDescriptions,
  type ConstEvent,
  global,
  type InputTag,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../data-formats/test-collections';
import { assertFailure } from './analyzer-failure';
import { checkTestLayout } from './check-test-layout';
import { checkBackend, describeExpectBackend, expectBackendOf } from './expected-backend';

/**
 * HeterogeneousCore/AlpakaTest/plugins/TestAlpakaAnalyzer.cc: reads the host collection, Multi2 and Multi3 an
 * alpaka producer put (copied to the host when it ran on a device) and checks what TestAlgo's fill wrote. The
 * size, x and backend checks throw CMSSW's `cms::Exception("Assert")` messages; the checks that are asserts in
 * CMSSW throw the same category, saying which check failed.
 */
export class TestAlpakaAnalyzer extends global.EDAnalyzer {
  readonly #source: InputTag = this.parameters.getParameter<InputTag>('source');
  readonly #collection = this.consumes(TestHostCollection, this.#source);
  readonly #multi2 = this.consumes(TestHostMultiCollection2, this.#source);
  readonly #multi3 = this.consumes(TestHostMultiCollection3, this.#source);
  readonly #expectSize = this.parameters.getParameter<number>('expectSize');
  readonly #expectXvalues = this.parameters.getParameter<readonly number[]>('expectXvalues');
  readonly #expectBackend = expectBackendOf(this.parameters, this.#source, (type, tag) => this.consumes(type, tag));

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag');
    description
      .add('expectSize', 'int32', -1)
      .setComment('Expected size of the input collection. Values < 0 mean the check is not performed. Default: -1');
    description
      .add('expectXvalues', 'vdouble', [])
      .setComment(
        "Expected values of the 'x' field in the input collection. Empty value means to not perform the check. " +
          'If input collection has more elements than this parameter, the parameter values are looped over.',
      );
    describeExpectBackend(description);
    descriptions.addWithDefaultLabel(description);
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const place = { moduleLabel: this.moduleLabel, event };
    const product = event.get(this.#collection);
    if (this.#expectSize >= 0 && this.#expectSize !== product.size) {
      throw assertFailure(place, `Expected input collection size ${this.#expectSize}, got ${product.size}`, {
        field: 'size',
        expected: this.#expectSize,
        seen: product.size,
      });
    }
    const expectXvalues = this.#expectXvalues;
    checkTestLayout(place, 'TestHostCollection', '', [product.constView(), product.view()], {
      expectXvalues,
      checkFlags: true,
    });
    checkBackend(place, this.#expectBackend);
    const multi2 = event.get(this.#multi2);
    const multi3 = event.get(this.#multi3);
    const layouts = [
      ['TestHostMultiCollection2', multi2, ['', '2']],
      ['TestHostMultiCollection3', multi3, ['', '2', '3']],
    ] as const;
    for (const [name, multi, suffixes] of layouts) {
      suffixes.forEach((suffix, layout) => {
        const views = [multi.constView(layout), multi.view(layout)];
        checkTestLayout(place, `${name} layout ${layout}`, suffix, views, { expectXvalues, checkFlags: false });
      });
    }
  }
}
