import {
  type ConfigurationDescriptions,
  ESInputTag,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, ESProducer } from '@alpaka-ts/core/alpaka';
import {
  AlpakaESTestDataA,
  type AlpakaESTestDataADevice,
  type AlpakaESTestDataAHost,
  AlpakaESTestDataD,
  type AlpakaESTestDataDDevice,
  type AlpakaESTestDataDHost,
} from '../data-formats/alpaka-es-test-data';
import {
  AlpakaESTestDataB,
  type AlpakaESTestDataBDevice,
  type AlpakaESTestDataBHost,
} from '../data-formats/alpaka-es-test-data-b';
import { AlpakaESTestRecordA, AlpakaESTestRecordB, AlpakaESTestRecordD } from '../data-formats/alpaka-es-test-records';
import { testESAlgoAsync } from '../test-algo/test-es-algo-async';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerD.cc: a device produce of the dependent record
 * D that reads the device products of A (`srcA`) and B (`srcB`), from the two records D depends on, and runs a
 * kernel on the record's queue, once per device: y = A.z + B, over min(A's size, B's size) rows.
 */
export class TestAlpakaESProducerD extends ESProducer {
  readonly #dataA: device.ESGetToken<AlpakaESTestDataAHost | AlpakaESTestDataADevice>;
  readonly #dataB: device.ESGetToken<AlpakaESTestDataBHost | AlpakaESTestDataBDevice>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector = this.setWhatProducedOnDevice(AlpakaESTestRecordD, AlpakaESTestDataD, (record) =>
      this.produce(record),
    );
    const srcA = parameters.getParameter<ESInputTag>('srcA');
    const srcB = parameters.getParameter<ESInputTag>('srcB');
    this.#dataA = collector.consumesFrom(AlpakaESTestRecordA, AlpakaESTestDataA, srcA);
    this.#dataB = collector.consumesFrom(AlpakaESTestRecordB, AlpakaESTestDataB, srcB);
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('srcA', 'ESInputTag', new ESInputTag());
    description.add('srcB', 'ESInputTag', new ESInputTag());
    descriptions.addWithDefaultLabel(description);
  }

  produce(record: device.Record): AlpakaESTestDataDHost | AlpakaESTestDataDDevice {
    const dataA = record.get(this.#dataA);
    const dataB = record.get(this.#dataB);
    return testESAlgoAsync(record.queue(), this.runtime.accelerator(), dataA, dataB);
  }
}
