import { closest, distance } from 'fastest-levenshtein';
import { FrameworkError } from '../errors/framework-error';
import { isModuleClass, type ModuleClass } from './module-class';
import { hasModuleTypeVariants, moduleTypeVariant, splitNamespacedType } from './module-type-variant';

/** A module type that is known by name but loaded only when a configuration uses it (a plugin manifest entry). */
export interface LazyModuleEntry {
  /** Where it was declared, for messages (the manifest path). */
  readonly declaredBy: string;
  load(): Promise<ModuleClass>;
}

/**
 * CMSSW's plugin factory for modules (`DEFINE_FWK_MODULE`): module type names to classes. Classes are
 * registered directly (tests, configurations) or declared lazily by installed packages' plugin manifests
 * (plugin-manifest.ts), so a name is known without importing the package that provides it, as CMSSW's plugin
 * cache is. An unknown name is a Configuration error that names the closest known types.
 */
export class ModuleRegistry {
  readonly #classes = new Map<string, ModuleClass>();
  readonly #lazy = new Map<string, LazyModuleEntry>();

  /** Registers a class under a type name (default: the class's name). A different class under a taken name is refused. */
  register(moduleClass: ModuleClass, typeName: string = moduleClass.name): this {
    if (!isModuleClass(moduleClass)) {
      throw new FrameworkError(
        'Configuration',
        `Cannot register ${String(typeName)} as a module type: it is not a module class (extend one of the framework's module bases, which set edmType).`,
      );
    }
    const existing = this.#classes.get(typeName);
    if (existing !== undefined && existing !== moduleClass) {
      throw new FrameworkError(
        'Configuration',
        `The module type "${typeName}" is already registered with another class; register this one under another name.`,
      );
    }
    this.#classes.set(typeName, moduleClass);
    return this;
  }

  /** Declares a module type that is loaded on first use (plugin manifests). An eagerly registered class wins. */
  declare(typeName: string, entry: LazyModuleEntry): this {
    if (!this.#classes.has(typeName) && !this.#lazy.has(typeName)) this.#lazy.set(typeName, entry);
    return this;
  }

  has(typeName: string): boolean {
    return this.#classes.has(typeName) || this.#lazy.has(typeName);
  }

  /** Every known type name, sorted. */
  typeNames(): string[] {
    return [...new Set([...this.#classes.keys(), ...this.#lazy.keys()])].sort();
  }

  /** Where a known type comes from: 'registered' or the manifest that declared it. */
  originOf(typeName: string): string | undefined {
    if (this.#classes.has(typeName)) return 'registered';
    return this.#lazy.get(typeName)?.declaredBy;
  }

  /** The class for a type name, loading it if a manifest declared it. */
  async resolve(typeName: string): Promise<ModuleClass> {
    const registered = this.#classes.get(typeName);
    if (registered !== undefined) return registered;
    const lazy = this.#lazy.get(typeName);
    if (lazy === undefined) return this.#resolveVariant(typeName);
    let loaded: ModuleClass;
    try {
      loaded = await lazy.load();
    } catch (cause) {
      throw new FrameworkError(
        'Configuration',
        `Unable to load the module type "${typeName}" declared by ${lazy.declaredBy}: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
    if (!isModuleClass(loaded)) {
      throw new FrameworkError(
        'Configuration',
        `The module type "${typeName}" declared by ${lazy.declaredBy} is not a module class (it has no edmType).`,
      );
    }
    this.#classes.set(typeName, loaded);
    return loaded;
  }

  /**
   * `namespace::Name` for a type registered as `Name` that has variants (the alpaka modules: one per backend),
   * bound once and then kept under the full name.
   */
  async #resolveVariant(typeName: string): Promise<ModuleClass> {
    const parts = splitNamespacedType(typeName);
    if (parts === undefined || !this.has(parts.name)) throw this.unknownTypeError(typeName);
    const base = await this.resolve(parts.name);
    if (!hasModuleTypeVariants(base)) {
      throw new FrameworkError(
        'Configuration',
        `The module type "${parts.name}" has no variants, so "${typeName}" names nothing; use "${parts.name}" itself.`,
      );
    }
    const variant = await base[moduleTypeVariant](parts.namespace);
    if (variant === undefined) throw this.unknownTypeError(typeName);
    this.#classes.set(typeName, variant);
    return variant;
  }

  /** CMSSW's "Unable to find plugin" with the closest known names, so a misspelling is one step to fix. */
  unknownTypeError(typeName: string): FrameworkError {
    const suggestions = closestNames(typeName, this.typeNames());
    const known = this.typeNames();
    const hint =
      suggestions.length > 0
        ? `\nThe closest known module types are: ${suggestions.map((name) => `'${name}'`).join(', ')}.`
        : known.length > 0
          ? `\nNo known module type is close to it (${known.length} are known: alpaka-run --list-modules lists them).`
          : '\nNo module types are known: register a class, or install a package whose manifest declares modules.';
    // CMSSW's Python resolves `Name@alpaka` before the C++ side sees it; here ProcessAcceleratorAlpaka does.
    const alpakaHint = typeName.endsWith('@alpaka')
      ? "\nA type ending in @alpaka is resolved by ProcessAcceleratorAlpaka: add `process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka()` (from '@alpaka-ts/core/alpaka') to the configuration, or name the backend: alpaka_serial_sync::" +
        typeName.slice(0, -'@alpaka'.length)
      : '';
    return new FrameworkError(
      'Configuration',
      `Unable to find plugin '${typeName}' in the module registry. Perhaps the package that provides it is not installed, or the name is misspelled.${hint}${alpakaHint}`,
    );
  }
}

/** Up to three known names close to `name` (edit distance at most a third of its length, or a shared prefix). */
export function closestNames(name: string, known: readonly string[]): string[] {
  if (known.length === 0) return [];
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const lower = name.toLowerCase();
  const scored = known
    .map((candidate) => ({ candidate, score: distance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, score }) => score <= limit || candidate.toLowerCase().startsWith(lower))
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  const names = scored.slice(0, 3).map(({ candidate }) => candidate);
  if (names.length === 0) {
    const nearest = closest(name, [...known]);
    if (distance(name, nearest) <= name.length) names.push(nearest);
  }
  return names;
}
