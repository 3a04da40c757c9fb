import {
  type ConfigurationDescriptions,
  FrameworkError,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, stream } from '@alpaka-ts/core/alpaka';
import {
  AlpakaESTestDataD,
  type AlpakaESTestDataDDevice,
  type AlpakaESTestDataDHost,
} from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordD } from '../data-formats/alpaka-es-test-records';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../data-formats/test-collections';
import type { ConsumesCollector } from './consumes-collector';
import { TestHelperClass } from './test-helper-class';
import { TestHostOnlyHelperClass } from './test-host-only-helper-class';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaStreamSynchronizingProducer.cc: an ExternalWork producer.
 * acquire reads the device D, checks that the host helper's IntProduct + ESTestDataA is `expectedInt` (else
 * CMSSW's Assert "Expected value …, but got …") and has the device helper copy the device collections of
 * `source` to new host collections on the event's queue; produce, once that copy is done, puts them.
 */
export class TestAlpakaStreamSynchronizingProducer extends stream.SynchronizingEDProducer {
  readonly #esDevice: device.ESGetToken<AlpakaESTestDataDHost | AlpakaESTestDataDDevice> = this.esConsumes(
    AlpakaESTestRecordD,
    AlpakaESTestDataD,
  );
  readonly #put = this.produces(TestHostCollection);
  readonly #putMulti2 = this.produces(TestHostMultiCollection2);
  readonly #putMulti3 = this.produces(TestHostMultiCollection3);
  readonly #helper: TestHelperClass;
  readonly #hostHelper: TestHostOnlyHelperClass;
  readonly #expectedInt: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector: ConsumesCollector = {
      consumes: (type: never, tag: never) => this.consumes(type, tag),
      esConsumes: (record: never, type: never, tag?: never) => this.esConsumes(record, type, tag),
    } as ConsumesCollector;
    this.#helper = new TestHelperClass(parameters, collector);
    this.#hostHelper = new TestHostOnlyHelperClass(parameters, collector);
    this.#expectedInt = parameters.getParameter<number>('expectedInt');
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    TestHelperClass.fillPSetDescription(description);
    TestHostOnlyHelperClass.fillPSetDescription(description);
    description.add('expectedInt', 'int32');
    descriptions.addWithDefaultLabel(description);
  }

  acquire(event: device.Event, eventSetup: device.EventSetup): void {
    eventSetup.get(this.#esDevice);
    const value = this.#hostHelper.run(event, eventSetup);
    if (value !== this.#expectedInt) {
      throw new FrameworkError('Assert', `Expected value ${this.#expectedInt}, but got ${value}`);
    }
    this.#helper.makeAsync(event, eventSetup);
  }

  produce(event: device.Event): void {
    event.put(this.#put, this.#helper.moveFrom());
    event.put(this.#putMulti2, this.#helper.moveFromMulti2());
    event.put(this.#putMulti3, this.#helper.moveFromMulti3());
  }
}
