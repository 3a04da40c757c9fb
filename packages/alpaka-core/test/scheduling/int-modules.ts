// Trivial int producers and analyzers the scheduling tests share (CMSSW's IntProducer / AddIntsProducer).

import type { ConstEvent, Event } from '../../src/event/event';
import type { EventSetup } from '../../src/event-setup/event-setup-provider';
import type { EDGetToken, EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

/** What every test module reports to (reset per test). */
export const journal: string[] = [];

export class IntProducer extends global.EDProducer {
  readonly #token: EDPutToken<number>;
  readonly #value: number;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#value = parameters.exists('ivalue') ? parameters.getParameter<number>('ivalue') : 1;
    this.#token = this.produces(productTypes.int);
  }
  produce(_streamID: number, event: Event): void {
    journal.push(`${this.moduleLabel}:${event.id().event}`);
    event.put(this.#token, this.#value);
  }
}

/** Reads `source` (InputTag string) and puts it plus `add`. */
export class AddIntProducer extends stream.EDProducer {
  readonly #get: EDGetToken<number>;
  readonly #put: EDPutToken<number>;
  readonly #add: number;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#get = this.consumes(productTypes.int, parameters.getParameter<string>('source'));
    this.#put = this.produces(productTypes.int);
    this.#add = parameters.exists('add') ? parameters.getParameter<number>('add') : 1;
  }
  produce(event: Event): void {
    journal.push(`${this.moduleLabel}:${event.id().event}`);
    event.put(this.#put, event.get(this.#get) + this.#add);
  }
}

/** Records the int it reads from `source` as `label=value`. */
export class IntAnalyzer extends global.EDAnalyzer {
  readonly #get: EDGetToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#get = this.consumes(productTypes.int, parameters.getParameter<string>('source'));
  }
  analyze(_streamID: number, event: ConstEvent, _eventSetup: EventSetup): void {
    journal.push(`${this.moduleLabel}=${event.get(this.#get)}`);
  }
}

/** Passes events whose number is divisible by `modulo` (default 2). */
export class ModuloFilter extends global.EDFilter {
  readonly #modulo: number;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#modulo = parameters.exists('modulo') ? parameters.getParameter<number>('modulo') : 2;
  }
  filter(_streamID: number, event: Event): boolean {
    journal.push(`${this.moduleLabel}?${event.id().event}`);
    return event.id().event % this.#modulo === 0;
  }
}

/** Throws `message` (an Error) on event `onEvent`. */
export class ThrowingProducer extends global.EDProducer {
  readonly #onEvent: number;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#onEvent = parameters.exists('onEvent') ? parameters.getParameter<number>('onEvent') : 1;
    this.produces(productTypes.int);
  }
  produce(_streamID: number, event: Event): void {
    journal.push(`${this.moduleLabel}:${event.id().event}`);
    if (event.id().event === this.#onEvent) throw new Error(`failure in ${this.moduleLabel}`);
  }
}
