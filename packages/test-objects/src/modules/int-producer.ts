import {
  type ConfigurationDescriptions,
  type Event,
  global,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { IntProduct } from '../data-formats/int-product';

/** edmtest::IntProducer (FWCore/Integration/plugins/ToyIntProducers.cc): puts IntProduct(ivalue) in every event. */
export class IntProducer extends global.EDProducer {
  readonly #token = this.produces(IntProduct);
  readonly #value: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#value = parameters.getParameter<number>('ivalue');
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('ivalue', 'int32');
    descriptions.addWithDefaultLabel(description);
  }

  produce(_streamID: number, event: Event): void {
    event.put(this.#token, new IntProduct(this.#value));
  }
}
