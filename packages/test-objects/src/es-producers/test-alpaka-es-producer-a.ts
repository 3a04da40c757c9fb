import type { ESGetToken, EventSetupRecord, ParameterSet } from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { host } from '@alpaka-ts/interface';
import { AlpakaESTestDataA, AlpakaESTestDataAHost } from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { ESTestDataA } from '../data-formats/es-test-data';
import { describeNothing } from './describe-nothing';

/** CMSSW's size of A. (A module constant, not a reference to the class inside it: bundlers rename a class
 * that refers to itself, and the registry finds modules by their class name.) */
const size = 10;

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerA.cc: reads the host ESTestDataA and makes a
 * host collection of 10 rows, z = value − i; a device consumer gets the framework's implicit copy of it.
 */
export class TestAlpakaESProducerA extends ESProducer {
  static readonly size = size;
  readonly #input: ESGetToken<ESTestDataA>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector = this.setWhatProduced(AlpakaESTestRecordA, AlpakaESTestDataA, (record) => this.produce(record));
    this.#input = collector.consumes(ESTestDataA);
  }

  static fillDescriptions = describeNothing;

  produce(record: EventSetupRecord): AlpakaESTestDataAHost {
    const input = record.get(this.#input);
    const product = new AlpakaESTestDataAHost(size, host());
    const z = product.view().columns.z as Int32Array;
    for (let i = 0; i < product.size; i++) z[i] = input.value - i;
    return product;
  }
}
