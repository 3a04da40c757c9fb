import { type ConfigurationDescriptions, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import {
  TestCollection,
  TestMultiCollection2,
  TestMultiCollection3,
  testCollectionFor,
  testMultiCollection2For,
  testMultiCollection3For,
} from '../data-formats/test-collections';
import { TestObject, testObjectFor } from '../data-formats/test-objects';
import { TestAlgo } from '../test-algo/test-algo';

/**
 * TestAlpakaProducer: a collection of `size`, a Multi2 of (size, size2) and a Multi3 of (size, size2, size3),
 * each zero-initialised, checked to be zero by a kernel, then filled (x = 0); and a TestDeviceObject
 * {5, 12, 13, 42} from fillObject.
 */
export class TestAlpakaProducer extends global.EDProducer {
  readonly #collectionToken = this.produces(TestCollection);
  readonly #multi2Token = this.produces(TestMultiCollection2);
  readonly #multi3Token = this.produces(TestMultiCollection3);
  readonly #objectToken = this.produces(TestObject);
  readonly #size: number;
  readonly #size2: number;
  readonly #size3: number;
  readonly #algo = new TestAlgo(this.runtime.accelerator());

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = parameters.getParameter<number>('size');
    this.#size2 = parameters.getParameter<number>('size2');
    this.#size3 = parameters.getParameter<number>('size3');
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('size', 'int32');
    description.add('size2', 'int32');
    description.add('size3', 'int32');
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event): Promise<void> {
    const queue = event.queue();
    const collection = testCollectionFor(queue, this.#size);
    collection.zeroInitialise(queue);
    const multi2 = testMultiCollection2For(queue, [this.#size, this.#size2]);
    multi2.zeroInitialise(queue);
    const multi3 = testMultiCollection3For(queue, [this.#size, this.#size2, this.#size3]);
    multi3.zeroInitialise(queue);
    const object = testObjectFor(queue);

    await this.#algo.checkZero(queue, collection);
    await this.#algo.checkZero(queue, multi2);
    await this.#algo.checkZero(queue, multi3);

    await this.#algo.fill(queue, collection);
    await this.#algo.fillObject(queue, object, 5, 12, 13, 42);
    await this.#algo.fillMulti2(queue, multi2);
    await this.#algo.fillMulti3(queue, multi3);

    event.put(this.#collectionToken, collection);
    event.put(this.#objectToken, object);
    event.put(this.#multi2Token, multi2);
    event.put(this.#multi3Token, multi3);
  }
}
