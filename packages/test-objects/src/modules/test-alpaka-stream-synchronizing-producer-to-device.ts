import { type ConfigurationDescriptions, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, stream } from '@alpaka-ts/core/alpaka';
import {
  TestCollection,
  type TestDeviceCollection,
  type TestHostCollection,
  testCollectionFor,
} from '../data-formats/test-collections';
import { TestAlgo } from '../test-algo/test-algo';
import { backendParameter, backendParameterDescription } from './backend-parameter';

/**
 * TestAlpakaStreamSynchronizingProducerToDevice: acquire fills a device collection of the backend's `size`
 * (x = 0); produce, once that work has finished, puts it.
 */
export class TestAlpakaStreamSynchronizingProducerToDevice extends stream.SynchronizingEDProducer {
  readonly #put = this.produces(TestCollection);
  readonly #size: number;
  readonly #algo = new TestAlgo(this.runtime.accelerator());
  #product: TestHostCollection | TestDeviceCollection | undefined;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = backendParameter<number>(parameters, 'size', this.runtime);
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('size', backendParameterDescription('int32'));
    descriptions.addWithDefaultLabel(description);
  }

  async acquire(event: device.Event): Promise<void> {
    const queue = event.queue();
    this.#product = testCollectionFor(queue, this.#size);
    await this.#algo.fill(queue, this.#product);
  }

  produce(event: device.Event): void {
    event.put(this.#put, this.#product as TestHostCollection | TestDeviceCollection);
    this.#product = undefined;
  }
}
