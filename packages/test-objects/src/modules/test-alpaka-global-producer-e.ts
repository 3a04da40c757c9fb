import {
  type ConfigurationDescriptions,
  ESInputTag,
  InputTag,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { AlpakaESTestDataE } from '../data-formats/alpaka-es-test-data-e';
import { AlpakaESTestRecordC } from '../data-formats/alpaka-es-test-records';
import { TestCollection, TestMultiCollection2, TestMultiCollection3 } from '../data-formats/test-collections';
import {
  type AnyTestCollection,
  type AnyTestMultiCollection2,
  type AnyTestMultiCollection3,
  TestAlgo,
} from '../test-algo/test-algo';
import {
  type AnyAlpakaESTestDataE,
  updateMulti2WithES,
  updateMulti3WithES,
  updateWithES,
} from '../test-algo/test-algo-update-es';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaGlobalProducerE.cc: reads the collection, Multi2 and
 * Multi3 of `source` and the device E product (record C, `eventSetupSource`), and puts their `update`d copies:
 * x_i += E.val(i) + E.val2(i) for the rows E has.
 */
export class TestAlpakaGlobalProducerE extends global.EDProducer {
  readonly #es: device.ESGetToken<AnyAlpakaESTestDataE>;
  readonly #get: device.EDGetToken<AnyTestCollection>;
  readonly #getMulti2: device.EDGetToken<AnyTestMultiCollection2>;
  readonly #getMulti3: device.EDGetToken<AnyTestMultiCollection3>;
  readonly #put = this.produces(TestCollection);
  readonly #putMulti2 = this.produces(TestMultiCollection2);
  readonly #putMulti3 = this.produces(TestMultiCollection3);
  readonly #algo: TestAlgo;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#es = this.esConsumes(
      AlpakaESTestRecordC,
      AlpakaESTestDataE,
      parameters.getParameter<ESInputTag>('eventSetupSource'),
    );
    const source = parameters.getParameter<InputTag>('source');
    this.#get = this.consumes(TestCollection, source);
    this.#getMulti2 = this.consumes(TestMultiCollection2, source);
    this.#getMulti3 = this.consumes(TestMultiCollection3, source);
    this.#algo = new TestAlgo(this.runtime.accelerator());
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('eventSetupSource', 'ESInputTag', new ESInputTag());
    description.add('source', 'InputTag', new InputTag(''));
    descriptions.addWithDefaultLabel(description);
  }

  async produce(_streamID: number, event: device.Event, eventSetup: device.EventSetup): Promise<void> {
    const esData = eventSetup.get(this.#es);
    const queue = event.queue();
    const output = await updateWithES(this.#algo, queue, event.get(this.#get), esData);
    const outputMulti2 = await updateMulti2WithES(this.#algo, queue, event.get(this.#getMulti2), esData);
    const outputMulti3 = await updateMulti3WithES(this.#algo, queue, event.get(this.#getMulti3), esData);
    event.put(this.#put, output);
    event.put(this.#putMulti2, outputMulti2);
    event.put(this.#putMulti3, outputMulti3);
  }
}
