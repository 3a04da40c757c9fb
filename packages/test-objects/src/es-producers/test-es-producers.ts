import {
  type ConfigurationDescriptions,
  ESProducer,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { AlpakaESTestRecordA, AlpakaESTestRecordB, AlpakaESTestRecordC } from '../data-formats/alpaka-es-test-records';
import { ESTestDataA, ESTestDataB, ESTestDataC } from '../data-formats/es-test-data';

// HeterogeneousCore/AlpakaTest/plugins/TestESProducers.cc: host ESProducers that put their `value` into a record,
// the inputs of the alpaka ESProducers. CMSSW instantiates one template, TestESProducerT<TProduct, TRecord>, three
// times; here three classes share its parameter description.

/** TestESProducerT's description: a required int32 `value`. */
function describeValue(descriptions: ConfigurationDescriptions): void {
  const description = new ParameterSetDescription();
  description.add('value', 'int32');
  descriptions.addWithDefaultLabel(description);
}

/** cms::alpakatest::TestESProducerA: ESTestDataA(value) in AlpakaESTestRecordA. */
export class TestESProducerA extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const value = parameters.getParameter<number>('value');
    this.setWhatProduced(AlpakaESTestRecordA, ESTestDataA, () => new ESTestDataA(value));
  }
  static fillDescriptions = describeValue;
}

/** cms::alpakatest::TestESProducerB: ESTestDataB(value) in AlpakaESTestRecordB. */
export class TestESProducerB extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const value = parameters.getParameter<number>('value');
    this.setWhatProduced(AlpakaESTestRecordB, ESTestDataB, () => new ESTestDataB(value));
  }
  static fillDescriptions = describeValue;
}

/** cms::alpakatest::TestESProducerC: ESTestDataC(value) in AlpakaESTestRecordC. */
export class TestESProducerC extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const value = parameters.getParameter<number>('value');
    this.setWhatProduced(AlpakaESTestRecordC, ESTestDataC, () => new ESTestDataC(value));
  }
  static fillDescriptions = describeValue;
}
