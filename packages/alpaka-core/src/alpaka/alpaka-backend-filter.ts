import type { Event } from '../event/event';
import type { EDGetToken } from '../modules/ed-get-token';
import { EDFilter } from '../modules/global-modules';
import { productTypes } from '../modules/product-type';
import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import { InputTag } from '../parameter-set/input-tag';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';
import { toBackend } from './backend';

/**
 * CMSSW's AlpakaBackendFilter (HeterogeneousCore/AlpakaCore/plugins/AlpakaBackendFilter.cc): a host global
 * EDFilter that passes the events whose backend product (`producer`, an alpaka producer's "backend" instance) is
 * one of `backends`, by CMSSW's names ('SerialSync', 'CudaAsync', 'ROCmAsync', 'TbbAsync', or a registered
 * backend's type suffix). Unknown names are refused at construction, as CMSSW's toBackend does. CMSSW keeps a
 * bitset over the enum; registered backends have values past it, so this keeps the set of values.
 */
export class AlpakaBackendFilter extends EDFilter {
  readonly #producer: EDGetToken<number>;
  readonly #backends: ReadonlySet<number>;

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('producer', 'InputTag', new InputTag('alpakaBackendProducer', 'backend'));
    description.add('backends', 'vstring', ['SerialSync']);
    descriptions.addWithDefaultLabel(description);
  }

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#producer = this.consumes(productTypes.unsignedShort, parameters.getParameter<InputTag>('producer'));
    this.#backends = new Set(parameters.getParameter<readonly string[]>('backends').map(toBackend));
  }

  filter(_streamID: number, event: Event): boolean {
    return this.#backends.has(event.get(this.#producer));
  }
}
