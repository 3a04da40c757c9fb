import type { ESGetToken, EventSetupRecord, ParameterSet } from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { host } from '@alpaka-ts/interface';
import { AlpakaESTestDataE, AlpakaESTestDataEHost } from '../data-formats/alpaka-es-test-data-e';
import { AlpakaESTestRecordC } from '../data-formats/alpaka-es-test-records';
import { ESTestDataC } from '../data-formats/es-test-data';
import { describeNothing } from './describe-nothing';

/** CMSSW's sizes of e and data (module constants: see TestAlpakaESProducerA). */
const size = 5;
const dataSize = 2;

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerE.cc: reads the host ESTestDataC and makes
 * AlpakaESTestDataE on the host (record C): `data` of 2 rows, val2 = 10j + 1, and `e` of 5 rows, val = |value| + 2i
 * pointing at data row ind = i % 2; its CopyToDevice takes both collections to the devices.
 */
export class TestAlpakaESProducerE extends ESProducer {
  static readonly size = size;
  static readonly dataSize = dataSize;
  readonly #input: ESGetToken<ESTestDataC>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector = this.setWhatProduced(AlpakaESTestRecordC, AlpakaESTestDataE, (record) => this.produce(record));
    this.#input = collector.consumes(ESTestDataC);
  }

  static fillDescriptions = describeNothing;

  produce(record: EventSetupRecord): AlpakaESTestDataEHost {
    const input = record.get(this.#input);
    const product = new AlpakaESTestDataEHost(size, dataSize, host());
    const val2 = product.data.view().columns.val2 as Float32Array;
    for (let j = 0; j < dataSize; j++) val2[j] = j * 10 + 1;
    const columns = product.e.view().columns;
    const val = columns.val as Float32Array;
    const ind = columns.ind as Int32Array;
    for (let i = 0; i < size; i++) {
      val[i] = Math.abs(input.value) + i * 2;
      ind[i] = i % dataSize;
    }
    return product;
  }
}
