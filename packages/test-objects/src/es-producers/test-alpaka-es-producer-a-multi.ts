import type { ESGetToken, EventSetupRecord, ParameterSet } from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { host } from '@alpaka-ts/interface';
import { AlpakaESTestDataACMulti, AlpakaESTestDataACMultiHost } from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { AlpakaESTestSoAA, AlpakaESTestSoAC } from '../data-formats/alpaka-es-test-soa';
import { ESTestDataA } from '../data-formats/es-test-data';
import { describeNothing } from './describe-nothing';

/** CMSSW's sizes of layouts A and C (a module constant: see TestAlpakaESProducerA). */
const sizes: readonly [number, number] = [10, 100];

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerAMulti.cc: TestAlpakaESProducerA for a
 * multi-layout collection: layout A of 10 rows, z = value − i, and layout C of 100 rows, x = value + i, in one
 * host buffer, copied to devices implicitly.
 */
export class TestAlpakaESProducerAMulti extends ESProducer {
  static readonly sizes = sizes;
  readonly #input: ESGetToken<ESTestDataA>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const collector = this.setWhatProduced(AlpakaESTestRecordA, AlpakaESTestDataACMulti, (record) =>
      this.produce(record),
    );
    this.#input = collector.consumes(ESTestDataA);
  }

  static fillDescriptions = describeNothing;

  produce(record: EventSetupRecord): AlpakaESTestDataACMultiHost {
    const input = record.get(this.#input);
    const product = new AlpakaESTestDataACMultiHost(sizes, host());
    const z = product.view(AlpakaESTestSoAA).columns.z as Int32Array;
    const x = product.view(AlpakaESTestSoAC).columns.x as Int32Array;
    for (let i = 0; i < z.length; i++) z[i] = input.value - i;
    for (let i = 0; i < x.length; i++) x[i] = input.value + i;
    return product;
  }
}
