import { type ConfigurationDescriptions, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { divideUpBy, makeWorkDiv } from '@alpaka-ts/interface';
import {
  addressOfBufferColumn,
  registerTestProductWithPtrCopies,
  TestProductWithPtr,
  testProductWithPtrFor,
} from '../data-formats/test-product-with-ptr';
import { testPtrAlgoKernel } from './test-ptr-algo-kernel';

/** TestAlpakaGlobalProducerWithPtr (part of testing CopyToHost::postCopy): a TestProductWithPtr of `size`, ptr[i] = 2i + 1. */
export class TestAlpakaGlobalProducerWithPtr extends global.EDProducer {
  // Its CopyToHost (with postCopy) must be known before `produces` looks it up; idempotent.
  static {
    registerTestProductWithPtrCopies();
  }
  readonly #put = this.produces(TestProductWithPtr);
  readonly #size: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = parameters.getParameter<number>('size');
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('size', 'int32');
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event): Promise<void> {
    const queue = event.queue();
    const product = testProductWithPtrFor(queue, this.#size);
    await queue.exec(
      makeWorkDiv(this.runtime.accelerator(), Math.max(divideUpBy(this.#size, 64), 1), 64),
      testPtrAlgoKernel,
      { v: product.view(), address: addressOfBufferColumn(product) },
    );
    event.put(this.#put, product);
  }
}
