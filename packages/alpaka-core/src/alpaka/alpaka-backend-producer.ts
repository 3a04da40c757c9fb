import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';
import { EDProducer } from './global-modules';

/**
 * CMSSW's AlpakaBackendProducer (HeterogeneousCore/AlpakaCore/plugins/alpaka/AlpakaBackendProducer.cc): an alpaka
 * global producer whose produce does nothing, so all it puts is what every alpaka producer puts, the backend value
 * under instance "backend" (`AlpakaBackendProducer@alpaka`, `alpaka_<backend>::AlpakaBackendProducer`). A job
 * reads it, or filters on it with AlpakaBackendFilter, to know which backend its `@alpaka` modules got.
 */
export class AlpakaBackendProducer extends EDProducer {
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    descriptions.addWithDefaultLabel(new ParameterSetDescription());
  }

  produce(): void {}
}
