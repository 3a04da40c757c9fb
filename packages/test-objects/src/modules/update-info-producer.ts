import { type ConfigurationDescriptions, InputTag, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import type { Buffer } from '@alpaka-ts/interface';
import { TestCollection, TestMultiCollection2, TestMultiCollection3 } from '../data-formats/test-collections';
import { TestAlgo } from '../test-algo/test-algo';

/**
 * What TestAlpakaGlobalProducerCopyToDeviceCache and …MoveToDeviceCache share: they read the collection, Multi2
 * and Multi3 of `source` and put TestAlgo::update's results with the UpdateInfo {x, y, z} their device cache
 * holds; they differ only in the cache (`updateInfoOn`).
 */
export abstract class UpdateInfoProducer extends global.EDProducer {
  readonly #collectionGet;
  readonly #multi2Get;
  readonly #multi3Get;
  readonly #collectionPut = this.produces(TestCollection);
  readonly #multi2Put = this.produces(TestMultiCollection2);
  readonly #multi3Put = this.produces(TestMultiCollection3);
  readonly #algo = new TestAlgo(this.runtime.accelerator());

  constructor(parameters: ParameterSet) {
    super(parameters);
    const source = parameters.getParameter<InputTag>('source');
    this.#collectionGet = this.consumes(TestCollection, source);
    this.#multi2Get = this.consumes(TestMultiCollection2, source);
    this.#multi3Get = this.consumes(TestMultiCollection3, source);
  }

  /** UpdateInfo {x, y, z} from the parameters, in host memory. */
  protected static updateInfoValues(parameters: ParameterSet): [number, number, number] {
    return [
      parameters.getParameter<number>('x'),
      parameters.getParameter<number>('y'),
      parameters.getParameter<number>('z'),
    ];
  }

  /** The UpdateInfo's bytes on the queue's device, from the module's cache. */
  protected abstract updateInfoOn(event: device.Event): Buffer;

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag', new InputTag(''));
    description.add('x', 'int32', 0);
    description.add('y', 'int32', 1);
    description.add('z', 'int32', 2);
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event): Promise<void> {
    const input = event.get(this.#collectionGet);
    const inputMulti2 = event.get(this.#multi2Get);
    const inputMulti3 = event.get(this.#multi3Get);
    const queue = event.queue();
    const info = this.updateInfoOn(event);
    event.put(this.#collectionPut, await this.#algo.update(queue, input, info));
    event.put(this.#multi2Put, await this.#algo.updateMulti2(queue, inputMulti2, info));
    event.put(this.#multi3Put, await this.#algo.updateMulti3(queue, inputMulti3, info));
  }
}
