import {
  type ConfigurationDescriptions,
  type ConstEvent,
  global,
  type InputTag,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { readThroughPtr, TestProductWithPtrHost } from '../data-formats/test-product-with-ptr';
import { assertFailure } from './analyzer-failure';

/**
 * HeterogeneousCore/AlpakaTest/plugins/TestAlpakaAnalyzerProductWithPtr.cc: the host form of the product
 * TestAlpakaGlobalProducerWithPtr put (its CopyToHost's postCopy re-pointed ptr where it ran on a device) must
 * have ptr[i] == buffer(i) == 2i + 1 for every row: ptr points to the host copy's own buffer.
 */
export class TestAlpakaAnalyzerProductWithPtr extends global.EDAnalyzer {
  readonly #product = this.consumes(TestProductWithPtrHost, this.parameters.getParameter<InputTag>('src'));

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('src', 'InputTag');
    descriptions.addWithDefaultLabel(description);
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const place = { moduleLabel: this.moduleLabel, event };
    const product = event.get(this.#product);
    const buffer = product.constView().columns.buffer as Int32Array;
    for (let i = 0; i < product.size; i++) {
      const expected = 2 * i + 1;
      let throughPtr: number;
      try {
        throughPtr = readThroughPtr(product, i);
      } catch (error) {
        throw assertFailure(place, `Check failed: ptr[${i}] cannot be read: ${(error as Error).message}`, {
          field: 'ptr',
          index: i,
          expected: 'the address of buffer(0) in host memory',
          seen: product.constView().scalars.ptr,
        });
      }
      if (throughPtr !== expected) {
        throw assertFailure(place, `Check failed: ptr[${i}] is not 2i + 1`, {
          field: 'ptr',
          index: i,
          expected,
          seen: throughPtr,
        });
      }
      if (buffer[i] !== expected) {
        throw assertFailure(place, `Check failed: buffer(${i}) is not 2i + 1`, {
          field: 'buffer',
          index: i,
          expected,
          seen: buffer[i],
        });
      }
    }
  }
}
