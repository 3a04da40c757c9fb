import {
  type ConfigurationDescriptions,
  type ESGetToken,
  type EventSetupRecord,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { ESProducer } from '@alpaka-ts/core/alpaka';
import { AlpakaESTestDataB, AlpakaESTestDataBHost } from '../data-formats/alpaka-es-test-data-b';
import { AlpakaESTestRecordB } from '../data-formats/alpaka-es-test-records';
import { ESTestDataB } from '../data-formats/es-test-data';

/** CMSSW's number of ints (a module constant: see TestAlpakaESProducerA). */
const size = 5;

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaESProducerB.cc: the template-over-device model. Reads the
 * host ESTestDataB and makes 5 ints b = i + value in a host buffer, under the data label `explicitLabel` (CMSSW's
 * setWhatProduced(this, label); appendToDataLabel is added after it); its own CopyToDevice takes it to devices.
 */
export class TestAlpakaESProducerB extends ESProducer {
  static readonly size = size;
  readonly #input: ESGetToken<ESTestDataB>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const label = parameters.getParameter<string>('explicitLabel');
    const collector = this.setWhatProduced(AlpakaESTestRecordB, AlpakaESTestDataB, (record) => this.produce(record), {
      label,
    });
    this.#input = collector.consumes(ESTestDataB);
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('explicitLabel', 'string', '');
    descriptions.addWithDefaultLabel(description);
  }

  produce(record: EventSetupRecord): AlpakaESTestDataBHost {
    const input = record.get(this.#input);
    const product = AlpakaESTestDataBHost.allocate(size);
    const ints = product.buffer().hostArray();
    for (let i = 0; i < product.size; i++) ints[i] = i + input.value;
    return product;
  }
}
