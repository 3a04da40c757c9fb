import {
  type ConfigurationDescriptions,
  type EDGetToken,
  ESInputTag,
  type InputTag,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, stream } from '@alpaka-ts/core/alpaka';
import {
  AlpakaESTestDataB,
  type AlpakaESTestDataBDevice,
  type AlpakaESTestDataBHost,
} from '../data-formats/alpaka-es-test-data-b';
import { AlpakaESTestRecordB } from '../data-formats/alpaka-es-test-records';
import { IntProduct } from '../data-formats/int-product';
import { TestCollection, TestMultiCollection2, TestMultiCollection3 } from '../data-formats/test-collections';
import { filledCollectionsOfSize } from '../test-algo/filled-collections-of-size';
import { TestAlgo } from '../test-algo/test-algo';
import { backendParameter, backendParameterDescription } from './backend-parameter';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaStreamProducer.cc: a stream producer that reads a host
 * IntProduct (`source`) and the device ES product B (`eventSetupSource`), and puts a collection, a Multi2 and a
 * Multi3, every layout of the running backend's `size`, under `productInstanceName`.
 */
export class TestAlpakaStreamProducer extends stream.EDProducer {
  readonly #get: EDGetToken<IntProduct>;
  readonly #es: device.ESGetToken<AlpakaESTestDataBHost | AlpakaESTestDataBDevice>;
  readonly #put: device.EDPutToken<unknown>;
  readonly #putMulti2: device.EDPutToken<unknown>;
  readonly #putMulti3: device.EDPutToken<unknown>;
  readonly #size: number;
  readonly #algo: TestAlgo;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = backendParameter<number>(parameters, 'size', this.runtime);
    this.#get = this.consumes(IntProduct, parameters.getParameter<InputTag>('source'));
    this.#es = this.esConsumes(
      AlpakaESTestRecordB,
      AlpakaESTestDataB,
      parameters.getParameter<ESInputTag>('eventSetupSource'),
    );
    const instance = parameters.getParameter<string>('productInstanceName');
    this.#put = this.produces(TestCollection, instance);
    this.#putMulti2 = this.produces(TestMultiCollection2, instance);
    this.#putMulti3 = this.produces(TestMultiCollection3, instance);
    this.#algo = new TestAlgo(this.runtime.accelerator());
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag');
    description.add('eventSetupSource', 'ESInputTag', new ESInputTag());
    description.add('productInstanceName', 'string', '');
    description.add('size', backendParameterDescription('int32'));
    descriptions.addWithDefaultLabel(description);
  }

  async produce(event: device.Event, eventSetup: device.EventSetup): Promise<void> {
    // Read only to show that both reach the module, as CMSSW's does (a handle: the int may be absent).
    event.getHandle(this.#get);
    eventSetup.get(this.#es);
    const { collection, multi2, multi3 } = await filledCollectionsOfSize(this.#algo, event.queue(), this.#size);
    event.put(this.#put, collection);
    event.put(this.#putMulti2, multi2);
    event.put(this.#putMulti3, multi3);
  }
}
