import {
  type ConfigurationDescriptions,
  ESInputTag,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import {
  AlpakaESTestDataA,
  AlpakaESTestDataACMulti,
  type AlpakaESTestDataACMultiDevice,
  type AlpakaESTestDataACMultiHost,
  type AlpakaESTestDataADevice,
  type AlpakaESTestDataAHost,
} from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { TestCollection, TestMultiCollection2, TestMultiCollection3 } from '../data-formats/test-collections';
import { filledCollectionsOfSize } from '../test-algo/filled-collections-of-size';
import { TestAlgo } from '../test-algo/test-algo';
import { backendParameter, backendParameterDescription } from './backend-parameter';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaGlobalProducer.cc: a global producer that reads the
 * device ES products A (`eventSetupSource`) and ACMulti (`eventSetupSourceMulti`) and puts a collection, a Multi2
 * and a Multi3, every layout of the running backend's `size`, filled with x = 0.
 */
export class TestAlpakaGlobalProducer extends global.EDProducer {
  readonly #es: device.ESGetToken<AlpakaESTestDataAHost | AlpakaESTestDataADevice>;
  readonly #esMulti: device.ESGetToken<AlpakaESTestDataACMultiHost | AlpakaESTestDataACMultiDevice>;
  readonly #put = this.produces(TestCollection);
  readonly #putMulti2 = this.produces(TestMultiCollection2);
  readonly #putMulti3 = this.produces(TestMultiCollection3);
  readonly #size: number;
  readonly #algo: TestAlgo;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const source = parameters.getParameter<ESInputTag>('eventSetupSource');
    const sourceMulti = parameters.getParameter<ESInputTag>('eventSetupSourceMulti');
    this.#es = this.esConsumes(AlpakaESTestRecordA, AlpakaESTestDataA, source);
    this.#esMulti = this.esConsumes(AlpakaESTestRecordA, AlpakaESTestDataACMulti, sourceMulti);
    this.#size = backendParameter<number>(parameters, 'size', this.runtime);
    this.#algo = new TestAlgo(this.runtime.accelerator());
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('eventSetupSource', 'ESInputTag', new ESInputTag());
    description.add('eventSetupSourceMulti', 'ESInputTag', new ESInputTag());
    description.add('size', backendParameterDescription('int32'));
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event, eventSetup: device.EventSetup): Promise<void> {
    // Read only to show that the device ES products reach the module, as CMSSW's does.
    eventSetup.get(this.#es);
    eventSetup.get(this.#esMulti);
    const { collection, multi2, multi3 } = await filledCollectionsOfSize(this.#algo, event.queue(), this.#size);
    event.put(this.#put, collection);
    event.put(this.#putMulti2, multi2);
    event.put(this.#putMulti3, multi3);
  }
}
