import type { Event } from '../event/event';
import { makeEventID } from '../event/event-id';
import type { EDPutToken } from '../modules/ed-get-token';
import type { ModuleClass } from '../modules/module-class';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { InputSource, type SourceEvent } from '../sources/input-source';
import type { TestProcessorState } from './test-processor-state';

/**
 * The source of a TestProcessor's job (CMSSW's TestProcessor fills the EventPrincipal itself): one event per
 * test() call, numbered from the state, carrying the products the call was given under the labels the config
 * declared. A class per TestProcessor, since the framework constructs sources from their parameters alone.
 */
export function makeTestSourceClass(state: TestProcessorState): ModuleClass {
  return class TestProcessorSource extends InputSource {
    readonly #tokens: EDPutToken[];

    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#tokens = state.products.map((product) =>
        this.producesFromProcess(product.productType, product.label, product.instance, product.process),
      );
    }

    override next(): SourceEvent {
      const id = makeEventID(state.run, state.luminosityBlock, state.event);
      state.event++;
      return { id, time: 0n };
    }

    override fillEvent(event: Event): void {
      const tokens = this.#tokens;
      for (let index = 0; index < tokens.length; index++) {
        const product = state.eventProducts[index];
        if (product !== undefined) event.put(tokens[index] as EDPutToken, product);
      }
    }
  };
}
