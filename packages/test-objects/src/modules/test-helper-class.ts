import {
  type ESGetToken,
  FrameworkError,
  type InputTag,
  type ParameterSet,
  type ParameterSetDescription,
} from '@alpaka-ts/core';
import type { device } from '@alpaka-ts/core/alpaka';
import { memcpy } from '@alpaka-ts/interface';
import {
  AlpakaESTestDataC,
  type AlpakaESTestDataCDevice,
  type AlpakaESTestDataCHost,
} from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA, AlpakaESTestRecordC } from '../data-formats/alpaka-es-test-records';
import { ESTestDataA } from '../data-formats/es-test-data';
import {
  TestCollection,
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
  TestMultiCollection2,
  TestMultiCollection3,
} from '../data-formats/test-collections';
import type { AnyTestCollection, AnyTestMultiCollection2, AnyTestMultiCollection3 } from '../test-algo/test-algo';
import type { ConsumesCollector } from './consumes-collector';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestHelperClass: a helper of TestAlpakaStreamSynchronizingProducer
 * that reads the device collection, Multi2 and Multi3 of `source`, the host ESTestDataA and the device C, and
 * copies the three device buffers into new host collections on the event's queue (`makeAsync`); the module
 * takes them (`moveFrom…`) once that work is done.
 */
export class TestHelperClass {
  readonly #get: device.EDGetToken<AnyTestCollection>;
  readonly #getMulti2: device.EDGetToken<AnyTestMultiCollection2>;
  readonly #getMulti3: device.EDGetToken<AnyTestMultiCollection3>;
  readonly #esHost: ESGetToken<ESTestDataA>;
  readonly #esDevice: device.ESGetToken<AlpakaESTestDataCHost | AlpakaESTestDataCDevice>;
  #hostProduct: TestHostCollection | undefined;
  #hostProductMulti2: TestHostMultiCollection2 | undefined;
  #hostProductMulti3: TestHostMultiCollection3 | undefined;

  constructor(parameters: ParameterSet, collector: ConsumesCollector) {
    const source = parameters.getParameter<InputTag>('source');
    this.#get = collector.consumes(TestCollection, source);
    this.#getMulti2 = collector.consumes(TestMultiCollection2, source);
    this.#getMulti3 = collector.consumes(TestMultiCollection3, source);
    this.#esHost = collector.esConsumes(AlpakaESTestRecordA, ESTestDataA);
    this.#esDevice = collector.esConsumes(AlpakaESTestRecordC, AlpakaESTestDataC);
  }

  static fillPSetDescription(description: ParameterSetDescription): void {
    description.add('source', 'InputTag');
  }

  makeAsync(event: device.Event, eventSetup: device.EventSetup): void {
    // Read only to show that both reach the helper, as CMSSW's does.
    eventSetup.get(this.#esHost);
    eventSetup.get(this.#esDevice);
    const queue = event.queue();
    const deviceProduct = event.get(this.#get);
    const deviceProductMulti2 = event.get(this.#getMulti2);
    const deviceProductMulti3 = event.get(this.#getMulti3);
    const [a = 0, b = 0] = deviceProductMulti2.sizes;
    const [c = 0, d = 0, e = 0] = deviceProductMulti3.sizes;
    this.#hostProduct = new TestHostCollection(deviceProduct.size, queue);
    this.#hostProductMulti2 = new TestHostMultiCollection2([a, b], queue);
    this.#hostProductMulti3 = new TestHostMultiCollection3([c, d, e], queue);
    memcpy(queue, this.#hostProduct.buffer, deviceProduct.buffer);
    memcpy(queue, this.#hostProductMulti2.buffer, deviceProductMulti2.buffer);
    memcpy(queue, this.#hostProductMulti3.buffer, deviceProductMulti3.buffer);
  }

  moveFrom(): TestHostCollection {
    return take(this.#hostProduct, () => (this.#hostProduct = undefined));
  }

  moveFromMulti2(): TestHostMultiCollection2 {
    return take(this.#hostProductMulti2, () => (this.#hostProductMulti2 = undefined));
  }

  moveFromMulti3(): TestHostMultiCollection3 {
    return take(this.#hostProductMulti3, () => (this.#hostProductMulti3 = undefined));
  }
}

/** The product held between acquire and produce, given away once (CMSSW's std::move). */
function take<T>(product: T | undefined, forget: () => void): T {
  if (product === undefined)
    throw new FrameworkError('LogicError', 'TestHelperClass has no product: makeAsync did not run.');
  forget();
  return product;
}
