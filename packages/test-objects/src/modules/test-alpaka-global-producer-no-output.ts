import { type ConfigurationDescriptions, InputTag, type ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { TestCollection } from '../data-formats/test-collections';

/** TestAlpakaGlobalProducerNoOutput: only consumes the device collection of `source` (for testing only). */
export class TestAlpakaGlobalProducerNoOutput extends global.EDProducer {
  readonly #get;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#get = this.consumes(TestCollection, parameters.getParameter<InputTag>('source'));
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag', new InputTag(''));
    descriptions.addWithDefaultLabel(description);
  }

  produce(_streamID: number, event: device.Event): void {
    event.get(this.#get);
  }
}
