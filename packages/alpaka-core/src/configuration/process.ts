import { isModuleClass, type ModuleClass } from '../modules/module-class';
import { componentBrand, componentKindOf, describeValueType } from './component-brand';
import { isModule, type Module } from './module-builders';
import type { ParameterAttribute, PSetParameter } from './parameter-builders';
import type { LabelledComponent } from './path-builders';
import type { ProcessDescription } from './process-description';
import { mergeOverDefaults, newMaxEvents, newOptions } from './process-options';
import { buildProcessDescription } from './process-to-description';
import { pythonError } from './python-errors';
import type { Schedule } from './schedule';

/** Where a Process keeps its state (a symbol, so that no label can shadow it). */
export const processState: unique symbol = Symbol('processState') as never;

export interface ProcessStateFields {
  readonly name: string;
  /** Labelled components in definition order. */
  readonly labels: Map<string, LabelledComponent>;
  source: Module | undefined;
  maxEvents: PSetParameter;
  options: PSetParameter;
  schedule: Schedule | undefined;
  /** Module classes the configuration defines itself, by type name (registerModule). */
  readonly moduleClasses: Map<string, ModuleClass>;
}

const specialAttributes = new Set(['source', 'maxEvents', 'options', 'schedule']);
const labelKinds = new Set(['Module', 'Path', 'EndPath', 'Sequence', 'Task', 'ProcessAccelerator', 'SwitchProducer']);

/**
 * Python's cms.Process. Components get their labels from the attribute they are assigned to
 * (`process.producer = cms.EDProducer(…)` labels it `producer`); `source`, `maxEvents`, `options` and
 * `schedule` are the special attributes Python has. Members are Python's (`name_()`), plus toDescription(),
 * which gives what the framework runs.
 */
export class ProcessTarget {
  readonly [componentBrand] = 'Process' as const;
  readonly [processState]: ProcessStateFields;

  constructor(name: string) {
    if (typeof name !== 'string' || !/^[A-Za-z0-9]+$/.test(name)) {
      throw pythonError(
        'RuntimeError',
        'Error: The process name is an empty string or contains non-alphanumeric characters',
      );
    }
    this[processState] = {
      name,
      labels: new Map(),
      source: undefined,
      maxEvents: newMaxEvents(),
      options: newOptions(),
      schedule: undefined,
      moduleClasses: new Map(),
    };
  }

  name_(): string {
    return this[processState].name;
  }

  /** The labels of the components, in definition order. */
  labels_(): string[] {
    return [...this[processState].labels.keys()];
  }

  /**
   * Python's `process.extend(module)` (what `process.load('X_cff')` does): every configuration component among
   * an object's properties (a fragment module's namespace: `process.extend(await import('./X_cff'))`) is
   * assigned under its name; names starting with '_' and values that are not components are skipped.
   */
  extend(fragment: object): void {
    for (const [name, value] of Object.entries(fragment)) {
      const kind = componentKindOf(value);
      if (name.startsWith('_') || kind === undefined || !labelKinds.has(kind)) continue;
      assignAttribute(this[processState], name, value);
    }
  }

  /**
   * Makes a module class the configuration defines (or imports) known to the job under a type name (default:
   * the class's name): what CMSSW's DEFINE_FWK_MODULE does for a plugin library, for classes that come with the
   * configuration rather than from an installed package's plugin manifest. Returns the process.
   */
  registerModule(moduleClass: ModuleClass, typeName: string = moduleClass.name): this {
    if (!isModuleClass(moduleClass)) {
      throw pythonError(
        'TypeError',
        `process.registerModule takes a module class (one extending a framework base), got ${describeValueType(moduleClass)}.`,
      );
    }
    const existing = this[processState].moduleClasses.get(typeName);
    if (existing !== undefined && existing !== moduleClass) {
      throw pythonError('ValueError', `The module type "${typeName}" is already registered with another class.`);
    }
    this[processState].moduleClasses.set(typeName, moduleClass);
    return this;
  }

  /** The module classes registered with registerModule, by type name. */
  moduleClasses_(): ReadonlyMap<string, ModuleClass> {
    return this[processState].moduleClasses;
  }

  /** What the configuration amounts to, for the framework (throws CMSSW's errors for an unknown path label). */
  toDescription(): ProcessDescription {
    return buildProcessDescription(this[processState]);
  }
}

/** The special attributes, typed; options and maxEvents also take a plain object, as Python takes a dict. */
export interface ProcessAttributes {
  source: Module | undefined;
  get maxEvents(): PSetParameter;
  set maxEvents(value: PSetParameter | { readonly [name: string]: ParameterAttribute });
  get options(): PSetParameter;
  set options(value: PSetParameter | { readonly [name: string]: ParameterAttribute });
  schedule: Schedule | undefined;
}

/**
 * A process: its members, the special attributes, and every other attribute a labelled component (the index
 * signature lets `process.producer.clone({…})` and `process.producer.ivalue = 7` typecheck).
 */
export type Process = ProcessTarget & ProcessAttributes & { [label: string]: LabelledComponent };

const processHandler: ProxyHandler<ProcessTarget> = {
  get(target, property) {
    if (typeof property === 'symbol' || property in target) return Reflect.get(target, property);
    const state = target[processState];
    if (specialAttributes.has(property)) return state[property as 'source' | 'maxEvents' | 'options' | 'schedule'];
    return state.labels.get(property);
  },
  set(target, property, value) {
    if (typeof property === 'symbol') return Reflect.set(target, property, value);
    if (property in target) {
      throw pythonError('TypeError', `'${property}' is a member of the Process and cannot be used as a label.`);
    }
    assignAttribute(target[processState], property, value);
    return true;
  },
  has(target, property) {
    if (property in target) return true;
    return (
      typeof property === 'string' && (specialAttributes.has(property) || target[processState].labels.has(property))
    );
  },
  deleteProperty(target, property) {
    // The object keeps its label, so a Path still naming it reports CMSSW's unknown-label error.
    if (typeof property === 'string') target[processState].labels.delete(property);
    return true;
  },
  ownKeys(target) {
    return [...target[processState].labels.keys(), ...Reflect.ownKeys(target)];
  },
  getOwnPropertyDescriptor(target, property) {
    if (typeof property === 'string' && !Object.hasOwn(target, property)) {
      const value = target[processState].labels.get(property);
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    }
    return Reflect.getOwnPropertyDescriptor(target, property);
  },
};

function assignAttribute(state: ProcessStateFields, name: string, value: unknown): void {
  if (name === 'options') {
    state.options = mergeOverDefaults(newOptions(), value, 'process.options');
    return;
  }
  if (name === 'maxEvents') {
    state.maxEvents = mergeOverDefaults(newMaxEvents(), value, 'process.maxEvents');
    return;
  }
  if (name === 'source') {
    if (!isModule(value) || value.edmType_() !== 'Source') {
      throw pythonError('TypeError', `process.source must be a cms.Source, got ${describeValueType(value)}.`);
    }
    value.setLabel('source');
    state.source = value;
    return;
  }
  if (name === 'schedule') {
    if (componentKindOf(value) !== 'Schedule') {
      throw pythonError('TypeError', `process.schedule must be a cms.Schedule, got ${describeValueType(value)}.`);
    }
    state.schedule = value as Schedule;
    return;
  }
  // Python's Process.__setattr__, in its order of checks.
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw pythonError('ValueError', `The label ${name} contains forbiden characters`);
  const kind = componentKindOf(value);
  if (kind === undefined || !labelKinds.has(kind)) {
    throw pythonError(
      'TypeError',
      "can only assign labels to an object that inherits from '_ConfigureComponent'\n" +
        `an instance of ${describeValueType(value)} will not work - requested label is ${name}`,
    );
  }
  const component = value as LabelledComponent;
  if (isModule(component) && component.edmType_() === 'Source') {
    throw pythonError('TypeError', `A cms.Source is assigned to process.source, not to process.${name}.`);
  }
  const existing = state.labels.get(name);
  if (existing === component) return;
  if (existing !== undefined) throw pythonError('ValueError', `Trying to override definition of process.${name}`);
  component.setLabel(name);
  state.labels.set(name, component);
}

/** `cms.Process(name)`. */
export function makeProcess(name: string): Process {
  return new Proxy(new ProcessTarget(name), processHandler) as Process;
}

/** Whether a value is a Process (of this copy of the package or another). */
export function isProcess(value: unknown): value is Process {
  return componentKindOf(value) === 'Process';
}
