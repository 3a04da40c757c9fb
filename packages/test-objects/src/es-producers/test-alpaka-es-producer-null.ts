import type { ParameterSet } from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { AlpakaESTestDataA, AlpakaESTestDataC } from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA, AlpakaESTestRecordD } from '../data-formats/alpaka-es-test-records';
import { describeNothing } from './describe-nothing';

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerNull.cc: a host produce (A in record A) and a
 * device produce (C in record D) that both return null, so both products are missing: reading them throws
 * (MakeDataException), which TestAlpakaGlobalProducerNullES checks.
 */
export class TestAlpakaESProducerNull extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.setWhatProduced(AlpakaESTestRecordA, AlpakaESTestDataA, () => null);
    this.setWhatProducedOnDevice(AlpakaESTestRecordD, AlpakaESTestDataC, () => null);
  }

  static fillDescriptions = describeNothing;
}
