import type { EDGetToken, ESGetToken, InputTag, ParameterSet, ParameterSetDescription } from '@alpaka-ts/core';
import type { device } from '@alpaka-ts/core/alpaka';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { ESTestDataA } from '../data-formats/es-test-data';
import { IntProduct } from '../data-formats/int-product';
import type { ConsumesCollector } from './consumes-collector';

/**
 * HeterogeneousCore/AlpakaTest's cms::alpakatest::TestHostOnlyHelperClass: a helper that knows nothing of
 * alpaka, reading the host IntProduct of `intSource` and the host ESTestDataA; `run` returns their sum.
 */
export class TestHostOnlyHelperClass {
  readonly #ed: EDGetToken<IntProduct>;
  readonly #es: ESGetToken<ESTestDataA>;

  constructor(parameters: ParameterSet, collector: ConsumesCollector) {
    this.#ed = collector.consumes(IntProduct, parameters.getParameter<InputTag>('intSource'));
    this.#es = collector.esConsumes(AlpakaESTestRecordA, ESTestDataA);
  }

  static fillPSetDescription(description: ParameterSetDescription): void {
    description.add('intSource', 'InputTag');
  }

  run(event: device.Event, eventSetup: device.EventSetup): number {
    return event.get(this.#ed).value + eventSetup.get(this.#es).value;
  }
}
