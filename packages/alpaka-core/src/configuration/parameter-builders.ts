import type { EventRange } from '../event/event-range';
import type { LuminosityBlockRange } from '../event/luminosity-block-range';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { InputTag } from '../parameter-set/input-tag';
import type { ParameterTypeName } from '../parameter-set/parameter-type';
import { ParameterContainer, parameterAttributeHandler } from './parameter-container';
import { pythonError } from './python-errors';
import {
  isTypedParameter,
  normalizeBuilderValue,
  parameterMakers,
  parameterState,
  TypedParameter,
} from './typed-parameter';

/** A plain value assigned to an existing parameter (`process.producer.ivalue = 7`): it keeps its type. */
export type PlainParameterValue =
  | number
  | bigint
  | string
  | boolean
  | InputTag
  | ESInputTag
  | readonly (number | bigint | string | InputTag | ESInputTag | PSetParameter)[]
  | { readonly [name: string]: ParameterAttribute };

/** What a parameter attribute reads as (a typed parameter) or may be assigned (that, or a plain value). */
export type ParameterAttribute = TypedParameter | PSetParameter | PlainParameterValue;

/** Parameters as attributes, as Python's `_Parameterizable` shows them. */
export interface ParameterAttributes {
  [name: string]: ParameterAttribute;
}

/**
 * Replacements and additions for `clone({…})` and `cms.PSet({…})`: typed parameters, or plain values for
 * parameters that exist; `undefined` removes a parameter, as Python's `clone(name = None)` does.
 */
export type ParameterOverrides = { readonly [name: string]: ParameterAttribute | undefined };

/** The members of a PSet beside its entries. */
export interface PSetMembers extends TypedParameter<'PSet'> {
  /** A deep copy with overrides applied (Python's PSet.clone). */
  clone(overrides?: ParameterOverrides): PSetParameter;
  /** The entries' names in order. */
  parameterNames_(): string[];
  /** Python's getParameter: an entry by name or dotted path (`'nested.x'`), as a TypedParameter. */
  getParameter(path: string): TypedParameter | undefined;
}

/** `cms.PSet({…})`: a parameter of type PSet whose entries read and assign as attributes. */
export type PSetParameter = PSetMembers & ParameterAttributes;

type InputTagElement = string | InputTag | TypedParameter<'InputTag'>;
type ESInputTagElement = string | ESInputTag | TypedParameter<'ESInputTag'>;
type Elements<E> = readonly (E | readonly E[])[];
type EventRangeElement = string | EventRange | TypedParameter<'EventRange'>;
type LuminosityBlockRangeElement = string | LuminosityBlockRange | TypedParameter<'LuminosityBlockRange'>;

/** The builders of one trackiness (`cms.int32` …, `cms.untracked.int32` …). */
export interface ParameterBuilders {
  int32(value: number): TypedParameter<'int32'>;
  uint32(value: number): TypedParameter<'uint32'>;
  int64(value: number | bigint): TypedParameter<'int64'>;
  uint64(value: number | bigint): TypedParameter<'uint64'>;
  double(value: number): TypedParameter<'double'>;
  bool(value: boolean): TypedParameter<'bool'>;
  string(value: string): TypedParameter<'string'>;
  /** `InputTag('label', 'instance', 'process')` or `InputTag('label:instance:process')`. */
  InputTag(label: string | InputTag, instance?: string, process?: string): TypedParameter<'InputTag'>;
  /** `ESInputTag('module', 'data')` or `ESInputTag('module:data')`. */
  ESInputTag(module?: string | ESInputTag, data?: string): TypedParameter<'ESInputTag'>;
  PSet(parameters?: ParameterOverrides): PSetParameter;
  VPSet(...psets: Elements<PSetParameter>): TypedParameter<'VPSet'>;
  vint32(...values: Elements<number>): TypedParameter<'vint32'>;
  vuint32(...values: Elements<number>): TypedParameter<'vuint32'>;
  vint64(...values: Elements<number | bigint>): TypedParameter<'vint64'>;
  vuint64(...values: Elements<number | bigint>): TypedParameter<'vuint64'>;
  vdouble(...values: Elements<number>): TypedParameter<'vdouble'>;
  vstring(...values: Elements<string>): TypedParameter<'vstring'>;
  VInputTag(...values: Elements<InputTagElement>): TypedParameter<'VInputTag'>;
  VESInputTag(...values: Elements<ESInputTagElement>): TypedParameter<'VESInputTag'>;
  /** `EventRange('1:1-1:100')`, `EventRange('1:2:5')` (run:lumi:event), ends `min`/`max`. */
  EventRange(range: EventRange | string): TypedParameter<'EventRange'>;
  VEventRange(...values: Elements<EventRangeElement>): TypedParameter<'VEventRange'>;
  /** `LuminosityBlockRange('1:1-1:100')` (run:lumi), end `max`. */
  LuminosityBlockRange(range: LuminosityBlockRange | string): TypedParameter<'LuminosityBlockRange'>;
  VLuminosityBlockRange(...values: Elements<LuminosityBlockRangeElement>): TypedParameter<'VLuminosityBlockRange'>;
}

/** `cms.untracked`: the untracked builders, and a function making an untracked copy of a parameter. */
export type UntrackedBuilders = ParameterBuilders &
  (<T extends ParameterTypeName>(parameter: TypedParameter<T>) => TypedParameter<T>);

class PSetTarget extends TypedParameter<'PSet'> implements PSetMembers {
  clone(overrides?: ParameterOverrides): PSetParameter {
    const copy = makePSet(this[parameterState].tracked, containerOf(this).clone());
    applyOverrides(containerOf(copy), overrides);
    return copy;
  }

  parameterNames_(): string[] {
    return containerOf(this).names();
  }

  getParameter(path: string): TypedParameter | undefined {
    return containerOf(this).getParameter(path);
  }
}

function containerOf(target: TypedParameter): ParameterContainer {
  return target[parameterState].value as ParameterContainer;
}

const psetHandler = parameterAttributeHandler<PSetTarget>(containerOf);

function makePSet(tracked: boolean, container: ParameterContainer): PSetParameter {
  return new Proxy(new PSetTarget('PSet', tracked, container), psetHandler) as PSetParameter;
}

parameterMakers.set('PSet', (tracked, value) => makePSet(tracked, value as ParameterContainer));

/** Applies clone()'s overrides: typed parameters replace or add, plain values set, undefined removes. */
export function applyOverrides(container: ParameterContainer, overrides: ParameterOverrides | undefined): void {
  if (overrides === undefined) return;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) container.remove(name);
    else container.assign(name, value);
  }
}

/** A vector builder's arguments: the elements, or one array of them (Python takes both). */
function elementsOf(values: readonly unknown[]): unknown[] {
  if (values.length === 1 && Array.isArray(values[0])) return [...(values[0] as unknown[])];
  return [...values];
}

function makeBuilders(tracked: boolean): ParameterBuilders {
  const scalar =
    <T extends ParameterTypeName>(type: T) =>
    (value: unknown): TypedParameter<T> =>
      new TypedParameter(type, tracked, normalizeBuilderValue(type, value));
  const vector =
    <T extends ParameterTypeName>(type: T) =>
    (...values: readonly unknown[]): TypedParameter<T> =>
      new TypedParameter(type, tracked, normalizeBuilderValue(type, elementsOf(values)));
  return {
    int32: scalar('int32'),
    uint32: scalar('uint32'),
    int64: scalar('int64'),
    uint64: scalar('uint64'),
    double: scalar('double'),
    bool: scalar('bool'),
    string: scalar('string'),
    InputTag(label, instance, process) {
      if (label instanceof InputTag) return new TypedParameter('InputTag', tracked, label);
      const tag =
        instance === undefined && process === undefined && typeof label === 'string'
          ? InputTag.parse(label)
          : new InputTag(label, instance ?? '', process ?? '');
      return new TypedParameter('InputTag', tracked, tag);
    },
    ESInputTag(module = '', data) {
      if (module instanceof ESInputTag) return new TypedParameter('ESInputTag', tracked, module);
      const tag =
        data === undefined && typeof module === 'string' ? ESInputTag.parse(module) : new ESInputTag(module, data);
      return new TypedParameter('ESInputTag', tracked, tag);
    },
    PSet(parameters) {
      const container = new ParameterContainer();
      applyOverrides(container, parameters === undefined ? undefined : checkedObject(parameters, 'cms.PSet'));
      return makePSet(tracked, container);
    },
    VPSet(...psets) {
      const elements = elementsOf(psets);
      elements.forEach((element, index) => {
        if (!isTypedParameter(element) || element.type_() !== 'PSet') {
          throw pythonError('TypeError', `cms.VPSet takes cms.PSet elements; element ${index} is not one.`);
        }
      });
      return new TypedParameter('VPSet', tracked, elements);
    },
    vint32: vector('vint32'),
    vuint32: vector('vuint32'),
    vint64: vector('vint64'),
    vuint64: vector('vuint64'),
    vdouble: vector('vdouble'),
    vstring: vector('vstring'),
    VInputTag: vector('VInputTag'),
    VESInputTag: vector('VESInputTag'),
    EventRange: scalar('EventRange'),
    VEventRange: vector('VEventRange'),
    LuminosityBlockRange: scalar('LuminosityBlockRange'),
    VLuminosityBlockRange: vector('VLuminosityBlockRange'),
  };
}

function checkedObject(value: unknown, builder: string): ParameterOverrides {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isTypedParameter(value)) {
    throw pythonError('TypeError', `${builder} takes an object of named parameters ({ name: cms.int32(1), … }).`);
  }
  return value as ParameterOverrides;
}

/** `cms.int32` … : tracked parameters. */
export const trackedBuilders: ParameterBuilders = makeBuilders(true);

/** `cms.untracked.int32` …, and `cms.untracked(cms.int32(1))` as Python's `cms.untracked(…)`. */
export const untracked: UntrackedBuilders = Object.assign(
  <T extends ParameterTypeName>(parameter: TypedParameter<T>): TypedParameter<T> => {
    if (!isTypedParameter(parameter)) {
      throw pythonError('TypeError', 'cms.untracked(…) takes a typed parameter such as cms.int32(1).');
    }
    const copy = parameter.copy();
    const maker = parameterMakers.get(copy.type_());
    const value = copy[parameterState].value;
    return (maker ? maker(false, value) : new TypedParameter(copy.type_(), false, value)) as TypedParameter<T>;
  },
  makeBuilders(false),
);

/** Whether a value is a PSet builder. */
export function isPSetParameter(value: unknown): value is PSetParameter {
  return isTypedParameter(value) && value.type_() === 'PSet';
}
