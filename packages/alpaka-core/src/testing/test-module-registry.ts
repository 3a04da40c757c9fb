import type { ModuleClass } from '../modules/module-class';
import { ModuleRegistry } from '../modules/module-registry';

/**
 * The registry a TestProcessor's job resolves types through: its own modules (source, output, EventSetup
 * helper, and the class under test when given as a class) first, then the user's registry, which is left
 * untouched so one registry serves many TestProcessors.
 */
export class TestModuleRegistry extends ModuleRegistry {
  readonly #base: ModuleRegistry;

  constructor(base: ModuleRegistry) {
    super();
    this.#base = base;
  }

  #own(typeName: string): boolean {
    return super.has(typeName);
  }

  override has(typeName: string): boolean {
    return this.#own(typeName) || this.#base.has(typeName);
  }

  override typeNames(): string[] {
    return [...new Set([...super.typeNames(), ...this.#base.typeNames()])].sort();
  }

  override originOf(typeName: string): string | undefined {
    return this.#own(typeName) ? super.originOf(typeName) : this.#base.originOf(typeName);
  }

  override resolve(typeName: string): Promise<ModuleClass> {
    return this.#own(typeName) ? super.resolve(typeName) : this.#base.resolve(typeName);
  }
}
