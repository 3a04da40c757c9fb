// Plain core modules standing in for alpaka modules: registered under the resolved type names
// (`alpaka_<backend>::Name`), so construction succeeds whatever the alpaka bases look like.
import type { ConstEvent, Event } from '../../src/event/event';
import type { EventSetup } from '../../src/event-setup/event-setup-provider';
import * as global from '../../src/modules/global-modules';
import type { ModuleClass } from '../../src/modules/module-class';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { productTypes } from '../../src/modules/product-type';
import type { ConfigurationDescriptions } from '../../src/parameter-set/configuration-descriptions';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';
import { registerBuiltInModules } from '../../src/sources/built-in-modules';

/** What the analyzers saw (reset per test). */
export const seen: string[] = [];

/** Puts `value` (default 7); what it read of its `alpaka` PSet goes to `seen` when constructed. */
export class AlpakaTestProducer extends global.EDProducer {
  static readonly alpakaModule = true;
  readonly #token = this.produces(productTypes.int);
  readonly #value = this.parameters.getParameter<number>('value');

  constructor(parameters: ParameterSet) {
    super(parameters);
    const alpaka = parameters.getUntrackedParameter<ParameterSet>('alpaka');
    seen.push(
      `${this.moduleLabel}: backend=${alpaka.getUntrackedParameter<string>('backend')} synchronize=${String(alpaka.getUntrackedParameter<boolean>('synchronize', undefined))}`,
    );
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('value', 'int32', 7);
    descriptions.addWithDefaultLabel(description);
  }

  produce(_streamID: number, event: Event): void {
    event.put(this.#token, this.#value);
  }
}

/** Records `label=value` of the int it reads from `source`. */
export class IntRecorder extends global.EDAnalyzer {
  readonly #get = this.consumes(productTypes.int, this.parameters.getParameter<string>('source'));

  analyze(_streamID: number, event: ConstEvent, _eventSetup: EventSetup): void {
    seen.push(`${this.moduleLabel}=${event.get(this.#get)}`);
  }
}

/** A registry with the built-in modules, IntRecorder, and AlpakaTestProducer under `alpaka_<backend>::AlpakaTestProducer` for each backend. */
export function alpakaTestRegistry(...backends: readonly string[]): ModuleRegistry {
  const registry = registerBuiltInModules(new ModuleRegistry());
  registry.register(IntRecorder as unknown as ModuleClass);
  for (const backend of backends) {
    // One subclass per backend, as the lead's binding makes one class per backend.
    const bound = class extends AlpakaTestProducer {};
    registry.register(bound as unknown as ModuleClass, `alpaka_${backend}::AlpakaTestProducer`);
  }
  return registry;
}
