import { type ConfigurationDescriptions, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import {
  AlpakaESTestDataA,
  type AlpakaESTestDataADevice,
  type AlpakaESTestDataAHost,
} from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { TestCollection, testCollectionFor } from '../data-formats/test-collections';
import { TestAlgo } from '../test-algo/test-algo';
import { backendParameter, backendParameterDescription } from './backend-parameter';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaGlobalProducerOffset.cc: a collection as long as the
 * device ES product A (10 rows), filled with x = the running backend's `xvalue` (a per-backend PSet, default 0):
 * CMSSW's proof of concept of backend-specific parameters, used by testAlpakaModulesHostAndDevice.
 */
export class TestAlpakaGlobalProducerOffset extends global.EDProducer {
  readonly #es: device.ESGetToken<AlpakaESTestDataAHost | AlpakaESTestDataADevice> = this.esConsumes(
    AlpakaESTestRecordA,
    AlpakaESTestDataA,
  );
  readonly #put = this.produces(TestCollection);
  readonly #x: number;
  readonly #algo: TestAlgo;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#x = backendParameter<number>(parameters, 'xvalue', this.runtime);
    this.#algo = new TestAlgo(this.runtime.accelerator());
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('xvalue', backendParameterDescription('double', 0));
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event, eventSetup: device.EventSetup): Promise<void> {
    const esData = eventSetup.get(this.#es);
    const queue = event.queue();
    const collection = testCollectionFor(queue, esData.size);
    await this.#algo.fill(queue, collection, this.#x);
    event.put(this.#put, collection);
  }
}
