import { FrameworkError } from '../errors/framework-error';
import {
  describeParameterKind,
  type Parameter,
  type ParameterTypeName,
  type ParameterValueOfType,
} from './parameter-type';
import { checkParameterValue } from './parameter-value-check';

/**
 * CMSSW's edm::ParameterSet: named, typed parameters, each tracked or untracked, in insertion order. Modules
 * read theirs with getParameter (tracked) and getUntrackedParameter, as in C++; reading a parameter with the
 * other trackiness, or one that is absent without a default, is a Configuration error naming it. Values are
 * checked against their type when inserted, so a set never holds what its type cannot represent.
 */
export class ParameterSet {
  /** Marks parameter sets for checks that must also accept another copy of this package. */
  readonly isParameterSet = true;
  readonly #entries = new Map<string, Parameter>();

  /** Inserts (or replaces) a parameter; its value is checked against its type. Returns this. */
  insert<T extends ParameterTypeName>(name: string, parameter: Parameter<T>): this {
    if (typeof name !== 'string' || name === '') {
      throw new FrameworkError('Configuration', `A parameter needs a non-empty name, got ${JSON.stringify(name)}.`);
    }
    checkParameterValue(name, parameter.type, parameter.value);
    this.#entries.set(
      name,
      Object.freeze({ type: parameter.type, tracked: parameter.tracked, value: parameter.value }),
    );
    return this;
  }

  /** CMSSW's addParameter<T>: a tracked parameter. */
  addParameter<T extends ParameterTypeName>(name: string, type: T, value: ParameterValueOfType[T]): this {
    return this.insert(name, { type, tracked: true, value });
  }

  /** CMSSW's addUntrackedParameter<T>. */
  addUntrackedParameter<T extends ParameterTypeName>(name: string, type: T, value: ParameterValueOfType[T]): this {
    return this.insert(name, { type, tracked: false, value });
  }

  /** The entry for a name, if any. */
  entry(name: string): Parameter | undefined {
    return this.#entries.get(name);
  }

  exists(name: string): boolean {
    return this.#entries.has(name);
  }

  /** CMSSW's existsAs<T>(name, trackiness). */
  existsAs(name: string, type: ParameterTypeName, tracked = true): boolean {
    const entry = this.#entries.get(name);
    return entry !== undefined && entry.type === type && entry.tracked === tracked;
  }

  /** Parameter names in insertion order (labels starting with '@' included). */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  entries(): IterableIterator<[string, Parameter]> {
    return this.#entries.entries();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Removes a parameter; returns whether it was there. */
  erase(name: string): boolean {
    return this.#entries.delete(name);
  }

  /**
   * A tracked parameter's value. `type`, when given, is checked too (the C++ template argument's role). An
   * absent or untracked parameter is a Configuration error naming it.
   */
  getParameter<T = unknown>(name: string, type?: ParameterTypeName): T {
    const entry = this.#entries.get(name);
    if (entry === undefined) {
      throw new FrameworkError(
        'Configuration',
        `MissingParameter: The required parameter '${name}' was not specified.`,
      );
    }
    if (!entry.tracked) {
      throw new FrameworkError(
        'Configuration',
        `Parameter '${name}' is untracked (${describeParameterKind(entry.type, false)}); read it with getUntrackedParameter.`,
      );
    }
    checkRequestedType(name, entry, type);
    return entry.value as T;
  }

  /**
   * An untracked parameter's value, or `defaultValue` when it is absent (CMSSW's two-argument form). Without a
   * default an absent parameter is an error; a tracked one always is.
   */
  getUntrackedParameter<T = unknown>(name: string, defaultValue?: T, type?: ParameterTypeName): T {
    const entry = this.#entries.get(name);
    if (entry === undefined) {
      // CMSSW's two overloads: with a default (even an undefined one) absence is fine, without it is an error.
      // biome-ignore lint/complexity/noArguments: only the argument count tells the two overloads apart.
      if (arguments.length >= 2) return defaultValue as T;
      throw new FrameworkError(
        'Configuration',
        `MissingParameter: The required parameter '${name}' was not specified.`,
      );
    }
    if (entry.tracked) {
      throw new FrameworkError(
        'Configuration',
        `Parameter '${name}' is tracked (${describeParameterKind(entry.type, true)}); read it with getParameter.`,
      );
    }
    checkRequestedType(name, entry, type);
    return entry.value as T;
  }

  /** A deep copy: nested PSets and VPSets are copied too, so changing the copy leaves this set as it was. */
  clone(): ParameterSet {
    const copy = new ParameterSet();
    for (const [name, entry] of this.#entries) copy.insert(name, cloneParameter(entry));
    return copy;
  }

  /** Only the tracked parameters (what CMSSW hashes into the ParameterSetID), deep. */
  trackedPart(): ParameterSet {
    const copy = new ParameterSet();
    for (const [name, entry] of this.#entries) {
      if (!entry.tracked) continue;
      if (entry.type === 'PSet') copy.insert(name, { ...entry, value: (entry.value as ParameterSet).trackedPart() });
      else if (entry.type === 'VPSet') {
        copy.insert(name, {
          ...entry,
          value: (entry.value as readonly ParameterSet[]).map((set) => set.trackedPart()),
        });
      } else copy.insert(name, entry);
    }
    return copy;
  }
}

function checkRequestedType(name: string, entry: Parameter, type: ParameterTypeName | undefined): void {
  if (type !== undefined && entry.type !== type) {
    throw new FrameworkError(
      'Configuration',
      `Parameter '${name}' is a ${describeParameterKind(entry.type, entry.tracked)}, not a ${type}.`,
    );
  }
}

function cloneParameter(entry: Parameter): Parameter {
  if (entry.type === 'PSet') return { ...entry, value: (entry.value as ParameterSet).clone() };
  if (entry.type === 'VPSet')
    return { ...entry, value: (entry.value as readonly ParameterSet[]).map((set) => set.clone()) };
  if (Array.isArray(entry.value)) return { ...entry, value: [...entry.value] as never };
  return entry;
}
