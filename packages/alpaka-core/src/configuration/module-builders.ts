import type { ParameterSet } from '../parameter-set/parameter-set';
import { componentBrand, componentKindOf } from './component-brand';
import { checkLabelChange } from './labelable';
import { applyOverrides, type ParameterAttributes, type ParameterOverrides } from './parameter-builders';
import { ParameterContainer, parameterAttributeHandler } from './parameter-container';
import type { ModuleEdmType } from './process-description';
import { pythonError } from './python-errors';
import type { TypedParameter } from './typed-parameter';

/** Where a module keeps its state (a symbol, so that no parameter name can shadow it). */
export const moduleState: unique symbol = Symbol('moduleState') as never;

interface ModuleStateFields {
  readonly type: string;
  readonly edmType: ModuleEdmType;
  readonly parameters: ParameterContainer;
  label: string | undefined;
}

/**
 * A module of the configuration (Python's `_Module`/`_Labelable`: EDProducer, ESSource …): a type name, its
 * kind and its parameters, which read and assign as attributes (`process.producer.ivalue = 7`). It gets its
 * label when assigned to a process attribute. Member names follow Python's (`type_()`, `label_()`, `clone()`),
 * so parameters named `type` or `label` stay free.
 */
export class ModuleTarget {
  readonly [componentBrand] = 'Module' as const;
  readonly [moduleState]: ModuleStateFields;

  constructor(type: string, edmType: ModuleEdmType, parameters: ParameterContainer) {
    this[moduleState] = { type, edmType, parameters, label: undefined };
  }

  /** The module's type name (`IntProducer`, `TestAlpakaProducer@alpaka`). */
  type_(): string {
    return this[moduleState].type;
  }

  /** EDProducer, EDFilter … (Python's `type(self).__name__`). */
  edmType_(): ModuleEdmType {
    return this[moduleState].edmType;
  }

  hasLabel_(): boolean {
    return this[moduleState].label !== undefined;
  }

  /** The label the process gave it; Python's error when it has none. */
  label_(): string {
    const label = this[moduleState].label;
    if (label === undefined) {
      throw pythonError('RuntimeError', "module has no label.  Perhaps it wasn't inserted into the process?");
    }
    return label;
  }

  /** Python's `_Labelable.setLabel`: a labelled module keeps its label (clone it to use it twice). */
  setLabel(label: string | undefined): void {
    const state = this[moduleState];
    checkLabelChange(state.label, label, state.edmType);
    state.label = label;
  }

  /** A new, unlabelled module with the same type and a deep copy of the parameters, overrides applied. */
  clone(overrides?: ParameterOverrides): Module {
    const state = this[moduleState];
    const parameters = state.parameters.clone();
    applyOverrides(parameters, overrides);
    return makeModule(state.type, state.edmType, parameters);
  }

  /** Python's getParameter: a parameter by name or dotted path (`'nested.x'`), as a TypedParameter. */
  getParameter(path: string): TypedParameter | undefined {
    return this[moduleState].parameters.getParameter(path);
  }

  parameterNames_(): string[] {
    return this[moduleState].parameters.names();
  }

  /** The user's parameters as a ParameterSet (without the `@module_*` entries). */
  parameters_(): ParameterSet {
    return this[moduleState].parameters.toParameterSet();
  }
}

/** A module with its parameters as attributes. */
export type Module = ModuleTarget & ParameterAttributes;

const moduleHandler = parameterAttributeHandler<ModuleTarget>((target) => target[moduleState].parameters);

function makeModule(type: string, edmType: ModuleEdmType, parameters: ParameterContainer): Module {
  return new Proxy(new ModuleTarget(type, edmType, parameters), moduleHandler) as Module;
}

function moduleBuilder(edmType: ModuleEdmType) {
  return (type: string, parameters?: ParameterOverrides): Module => {
    if (typeof type !== 'string' || type === '') {
      throw pythonError(
        'TypeError',
        `cms.${edmType} needs the module's type name as a non-empty string first, got ${String(type)}.`,
      );
    }
    const container = new ParameterContainer();
    if (parameters !== undefined) {
      if (typeof parameters !== 'object' || parameters === null || componentKindOf(parameters) !== undefined) {
        throw pythonError(
          'TypeError',
          `cms.${edmType}('${type}', …) takes its parameters as an object ({ name: cms.int32(1), … }).`,
        );
      }
      applyOverrides(container, parameters);
    }
    return makeModule(type, edmType, container);
  };
}

export const EDProducer = moduleBuilder('EDProducer');
export const EDFilter = moduleBuilder('EDFilter');
export const EDAnalyzer = moduleBuilder('EDAnalyzer');
export const OutputModule = moduleBuilder('OutputModule');
export const ESProducer = moduleBuilder('ESProducer');
export const ESSource = moduleBuilder('ESSource');
export const Source = moduleBuilder('Source');
/** Python's `cms.Service(type, …)`: a service and its parameters, labelled by the attribute it is assigned to. */
export const Service = moduleBuilder('Service');

/**
 * A new, unlabelled module of another type with a deep copy of the parameters, overrides applied: what
 * Python's functions that set `_TypedParameterizable__type` on a clone do (makeSerialClone).
 */
export function cloneWithType(module: Module, type: string, overrides?: ParameterOverrides): Module {
  const state = module[moduleState];
  const parameters = state.parameters.clone();
  applyOverrides(parameters, overrides);
  return makeModule(type, state.edmType, parameters);
}

/** Whether a value is a module (of this copy of the package or another). */
export function isModule(value: unknown): value is Module {
  return componentKindOf(value) === 'Module';
}

/** The edm types that run in the event loop (as opposed to the EventSetup and the source). */
export function isEventModuleType(edmType: ModuleEdmType): boolean {
  return edmType === 'EDProducer' || edmType === 'EDFilter' || edmType === 'EDAnalyzer' || edmType === 'OutputModule';
}
