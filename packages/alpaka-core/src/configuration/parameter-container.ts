import { ParameterSet } from '../parameter-set/parameter-set';
import { componentKindOf } from './component-brand';
import { pythonError } from './python-errors';
import { checkTypedParameter, isTypedParameter, parameterState, type TypedParameter } from './typed-parameter';

/**
 * The named parameters of a module or a PSet, in insertion order (Python's `_Parameterizable`): typed
 * parameters placed under a name are checked then; a plain value assigned to an existing name keeps that
 * parameter's type and trackiness (checked); a plain value under a new name is refused with Python's
 * message, since its type would be a guess.
 */
export class ParameterContainer {
  readonly parameters = new Map<string, TypedParameter>();

  /** Builds from `{ name: cms.int32(1), … }`; `owner` says whose parameters these are in messages. */
  static from(parameters: object | undefined, owner: string): ParameterContainer {
    const container = new ParameterContainer();
    if (parameters === undefined) return container;
    if (typeof parameters !== 'object' || parameters === null || componentKindOf(parameters) !== undefined) {
      throw pythonError(
        'TypeError',
        `${owner} takes its parameters as an object ({ name: cms.int32(1), … }), got ${String(parameters)}.`,
      );
    }
    for (const [name, value] of Object.entries(parameters)) container.assign(name, value);
    return container;
  }

  get(name: string): TypedParameter | undefined {
    return this.parameters.get(name);
  }

  /**
   * Python's `getParameter('a.b')`: a parameter by name, or by a dotted path through nested PSets; it reads
   * as a TypedParameter (attribute reads are typed for assignment too, so they need narrowing).
   */
  getParameter(path: string): TypedParameter | undefined {
    let container: ParameterContainer = this;
    const names = path.split('.');
    for (let index = 0; index < names.length - 1; index++) {
      const nested = container.get(names[index] ?? '')?.[parameterState].value;
      if (!(nested instanceof ParameterContainer)) return undefined;
      container = nested;
    }
    return container.get(names[names.length - 1] ?? '');
  }

  has(name: string): boolean {
    return this.parameters.has(name);
  }

  names(): string[] {
    return [...this.parameters.keys()];
  }

  remove(name: string): boolean {
    return this.parameters.delete(name);
  }

  /** Python's `__setattr__` on a `_Parameterizable`. */
  assign(name: string, value: unknown): void {
    if (isTypedParameter(value)) {
      checkTypedParameter(name, value);
      this.parameters.set(name, value);
      return;
    }
    const existing = this.parameters.get(name);
    if (existing === undefined) {
      throw pythonError(
        'TypeError',
        `${name} does not already exist, so it can only be set to a CMS python configuration type`,
      );
    }
    const nested = existing[parameterState].value;
    if (existing.type_() === 'PSet' && nested instanceof ParameterContainer && isPlainObject(value)) {
      // Python's clone(pset = dict(x = …)): a plain object updates the nested PSet entry by entry.
      for (const [nestedName, nestedValue] of Object.entries(value)) nested.assign(nestedName, nestedValue);
      return;
    }
    existing.setValue(value, name);
  }

  /** A deep copy: nested PSets are copied, so changing the copy leaves this container as it was. */
  clone(): ParameterContainer {
    const copy = new ParameterContainer();
    for (const [name, parameter] of this.parameters) copy.parameters.set(name, parameter.copy());
    return copy;
  }

  toParameterSet(): ParameterSet {
    const set = new ParameterSet();
    for (const [name, parameter] of this.parameters) set.insert(name, parameter.toParameter());
    return set;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || componentKindOf(value) !== undefined) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A Proxy handler that shows a container's parameters as attributes of the object that holds it (a module, a
 * PSet), as Python's attribute access does; the object's own members (methods, state) come first and cannot
 * be assigned as parameters. Unknown names read as undefined, so `then`, `toJSON` and the like are absent.
 */
export function parameterAttributeHandler<Target extends object>(
  containerOf: (target: Target) => ParameterContainer,
): ProxyHandler<Target> {
  return {
    get(target, property) {
      if (typeof property === 'symbol' || property in target) return Reflect.get(target, property);
      return containerOf(target).get(property);
    },
    set(target, property, value) {
      if (typeof property === 'symbol') return Reflect.set(target, property, value);
      if (property in target) {
        throw pythonError(
          'TypeError',
          `'${property}' is a member of the configuration object itself and cannot be used as a parameter name.`,
        );
      }
      containerOf(target).assign(property, value);
      return true;
    },
    has(target, property) {
      return property in target || (typeof property === 'string' && containerOf(target).has(property));
    },
    deleteProperty(target, property) {
      if (typeof property === 'symbol' || property in target) return Reflect.deleteProperty(target, property);
      containerOf(target).remove(property);
      return true;
    },
    ownKeys(target) {
      return [...containerOf(target).names(), ...Reflect.ownKeys(target)];
    },
    getOwnPropertyDescriptor(target, property) {
      if (typeof property === 'string' && !Object.hasOwn(target, property)) {
        const parameter = containerOf(target).get(property);
        if (parameter === undefined) return undefined;
        return { value: parameter, writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
  };
}
