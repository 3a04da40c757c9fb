import type { ESGetToken, EventSetupRecord, ParameterSet } from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { host } from '@alpaka-ts/interface';
import { AlpakaESTestDataC, AlpakaESTestDataCHost } from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordC } from '../data-formats/alpaka-es-test-records';
import { ESTestDataC } from '../data-formats/es-test-data';
import { describeNothing } from './describe-nothing';

/** CMSSW's size of C (a module constant: see TestAlpakaESProducerA). */
const size = 5;

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerC.cc: reads the host ESTestDataC and makes a
 * host collection of 5 rows, x = value − i, copied to devices implicitly.
 */
export class TestAlpakaESProducerC extends ESProducer {
  static readonly size = size;
  readonly #input: ESGetToken<ESTestDataC>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector = this.setWhatProduced(AlpakaESTestRecordC, AlpakaESTestDataC, (record) => this.produce(record));
    this.#input = collector.consumes(ESTestDataC);
  }

  static fillDescriptions = describeNothing;

  produce(record: EventSetupRecord): AlpakaESTestDataCHost {
    const input = record.get(this.#input);
    const product = new AlpakaESTestDataCHost(size, host());
    const x = product.view().columns.x as Int32Array;
    for (let i = 0; i < product.size; i++) x[i] = input.value - i;
    return product;
  }
}
