import { EventRange } from '../event/event-range';
import { LuminosityBlockRange } from '../event/luminosity-block-range';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { InputTag } from '../parameter-set/input-tag';
import type { Parameter, ParameterTypeName, ParameterValueOfType } from '../parameter-set/parameter-type';
import { componentBrand, componentKindOf } from './component-brand';
import type { ParameterContainer } from './parameter-container';
import { checkBuilderValue } from './python-errors';

/** Where a TypedParameter keeps its state (a symbol, so that no parameter name can shadow it). */
export const parameterState: unique symbol = Symbol('parameterState') as never;

/**
 * What a builder holds before the value is turned into a ParameterSet entry: the foundation value for the
 * scalar and vector types, the nested parameters of a PSet, the PSet builders of a VPSet.
 */
export type BuilderValue = unknown;

interface ParameterStateFields {
  readonly type: ParameterTypeName;
  readonly tracked: boolean;
  value: BuilderValue;
}

/**
 * One typed parameter as `cms.int32(5)` or `cms.untracked.vstring('a')` makes it (Python's
 * `_ParameterTypeBase`): a type, a trackiness and a value. Its value is checked against its type when it is
 * placed under a name (a module's parameter, a PSet's entry), so the error names the parameter. Method names
 * follow Python's (`value()`, `setValue()`, `isTracked()`, `configTypeName()`) and end in no underscore only
 * where Python's do; a PSet's entries are reached as attributes beside them.
 */
export class TypedParameter<T extends ParameterTypeName = ParameterTypeName> {
  readonly [componentBrand] = 'Parameter' as const;
  readonly [parameterState]: ParameterStateFields;

  constructor(type: T, tracked: boolean, value: BuilderValue) {
    this[parameterState] = { type, tracked, value };
  }

  /** The parameter's type name (`int32`, `VInputTag` …). */
  type_(): T {
    return this[parameterState].type as T;
  }

  isTracked(): boolean {
    return this[parameterState].tracked;
  }

  /** `cms.int32` or `cms.untracked.int32`: the builder that makes a parameter like this one. */
  configTypeName(): string {
    const { type, tracked } = this[parameterState];
    return tracked ? `cms.${type}` : `cms.untracked.${type}`;
  }

  /** The value as the framework sees it (a ParameterSet for a PSet). */
  value(): ParameterValueOfType[T] {
    return foundationValue(this[parameterState]) as ParameterValueOfType[T];
  }

  /** Python's setValue: a new value of the same type (numbers accepted for 64-bit types), checked. */
  setValue(value: unknown, name = this.configTypeName()): void {
    const state = this[parameterState];
    const normalized = normalizeBuilderValue(state.type, value);
    checkBuilderValue(name, state.type, foundationValue({ ...state, value: normalized }));
    state.value = normalized;
  }

  /** The ParameterSet entry this parameter stands for. */
  toParameter(): Parameter {
    const state = this[parameterState];
    return { type: state.type, tracked: state.tracked, value: foundationValue(state) as Parameter['value'] };
  }

  /** A deep copy (nested PSets copied too), as Python's clone of a parameter. */
  copy(): TypedParameter<T> {
    return copyParameter(this);
  }
}

/** Whether a value is a typed parameter (of this copy of the package or another). */
export function isTypedParameter(value: unknown): value is TypedParameter {
  return componentKindOf(value) === 'Parameter';
}

/** Checks a parameter's value against its type under the name it is being placed with. */
export function checkTypedParameter(name: string, parameter: TypedParameter): void {
  const state = parameter[parameterState];
  checkBuilderValue(name, state.type, foundationValue(state));
}

/**
 * What a builder accepts turned into what it holds: safe integers become bigints for the 64-bit types,
 * strings become tags for the tag types, a cms.InputTag parameter its tag. Anything else is left as given so
 * that the check names what was wrong.
 */
export function normalizeBuilderValue(type: ParameterTypeName, value: unknown): BuilderValue {
  switch (type) {
    case 'int64':
    case 'uint64':
      return toBigint(value);
    case 'vint64':
    case 'vuint64':
      return Array.isArray(value) ? value.map(toBigint) : value;
    case 'InputTag':
      return toInputTag(value);
    case 'ESInputTag':
      return toESInputTag(value);
    case 'VInputTag':
      return Array.isArray(value) ? value.map(toInputTag) : value;
    case 'VESInputTag':
      return Array.isArray(value) ? value.map(toESInputTag) : value;
    case 'EventRange':
      return toRange(value, 'EventRange', EventRange.parse);
    case 'VEventRange':
      return Array.isArray(value) ? value.map((element) => toRange(element, 'EventRange', EventRange.parse)) : value;
    case 'LuminosityBlockRange':
      return toRange(value, 'LuminosityBlockRange', LuminosityBlockRange.parse);
    case 'VLuminosityBlockRange':
      return Array.isArray(value)
        ? value.map((element) => toRange(element, 'LuminosityBlockRange', LuminosityBlockRange.parse))
        : value;
    case 'PSet':
      return isTypedParameter(value) && value[parameterState].type === 'PSet' ? value[parameterState].value : value;
    default:
      return Array.isArray(value) ? [...value] : value;
  }
}

function toBigint(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
}

function toInputTag(value: unknown): unknown {
  if (typeof value === 'string') return InputTag.parse(value);
  if (isTypedParameter(value) && value[parameterState].type === 'InputTag') return value[parameterState].value;
  return value;
}

function toESInputTag(value: unknown): unknown {
  if (typeof value === 'string') return ESInputTag.parse(value);
  if (isTypedParameter(value) && value[parameterState].type === 'ESInputTag') return value[parameterState].value;
  return value;
}

/** A range from its configuration text (`'1:1-1:100'`) or from a cms.EventRange parameter; ranges stay. */
function toRange(value: unknown, type: ParameterTypeName, parse: (text: string) => unknown): unknown {
  if (typeof value === 'string') return parse(value);
  if (isTypedParameter(value) && value[parameterState].type === type) return value[parameterState].value;
  return value;
}

function isContainer(value: unknown): value is ParameterContainer {
  return (
    typeof value === 'object' && value !== null && typeof (value as ParameterContainer).toParameterSet === 'function'
  );
}

/** The foundation value of a builder's state: nested builders turned into ParameterSets. */
function foundationValue(state: ParameterStateFields): unknown {
  const { type, value } = state;
  if (type === 'PSet') return isContainer(value) ? value.toParameterSet() : value;
  if (type === 'VPSet') {
    if (!Array.isArray(value)) return value;
    return value.map((element: unknown): unknown =>
      isTypedParameter(element) && element[parameterState].type === 'PSet' ? element.value() : element,
    );
  }
  return value;
}

function copyParameter<T extends ParameterTypeName>(parameter: TypedParameter<T>): TypedParameter<T> {
  const { type, tracked, value } = parameter[parameterState];
  let copied: BuilderValue = value;
  if (isContainer(value)) copied = value.clone();
  else if (Array.isArray(value))
    copied = value.map((element: unknown) => (isTypedParameter(element) ? element.copy() : element));
  const maker = parameterMakers.get(type);
  return (maker ? maker(tracked, copied) : new TypedParameter(type, tracked, copied)) as TypedParameter<T>;
}

/**
 * How a parameter of a type is made (PSets come wrapped in their attribute proxy); the PSet builder registers
 * itself here, so that copies of a PSet keep attribute access without this file importing the container.
 */
export const parameterMakers = new Map<ParameterTypeName, (tracked: boolean, value: BuilderValue) => TypedParameter>();
