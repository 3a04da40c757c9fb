import type { EventRange } from '../event/event-range';
import type { LuminosityBlockRange } from '../event/luminosity-block-range';
import type { ESInputTag } from './es-input-tag';
import type { InputTag } from './input-tag';
import type { ParameterSet } from './parameter-set';

/**
 * The parameter types of CMSSW's configuration language (FWCore/ParameterSet's `cms.int32` …), by the names
 * CMSSW prints in messages ("tracked int32"). 64-bit integers are bigints so no value is rounded.
 */
export const parameterTypeNames = [
  'int32',
  'uint32',
  'int64',
  'uint64',
  'double',
  'bool',
  'string',
  'InputTag',
  'ESInputTag',
  'PSet',
  'VPSet',
  'vint32',
  'vuint32',
  'vint64',
  'vuint64',
  'vdouble',
  'vstring',
  'VInputTag',
  'VESInputTag',
  'EventRange',
  'VEventRange',
  'LuminosityBlockRange',
  'VLuminosityBlockRange',
] as const;

export type ParameterTypeName = (typeof parameterTypeNames)[number];

/** The JavaScript value each parameter type holds. */
export interface ParameterValueOfType {
  int32: number;
  uint32: number;
  int64: bigint;
  uint64: bigint;
  double: number;
  bool: boolean;
  string: string;
  InputTag: InputTag;
  ESInputTag: ESInputTag;
  PSet: ParameterSet;
  VPSet: readonly ParameterSet[];
  vint32: readonly number[];
  vuint32: readonly number[];
  vint64: readonly bigint[];
  vuint64: readonly bigint[];
  vdouble: readonly number[];
  vstring: readonly string[];
  VInputTag: readonly InputTag[];
  VESInputTag: readonly ESInputTag[];
  EventRange: EventRange;
  VEventRange: readonly EventRange[];
  LuminosityBlockRange: LuminosityBlockRange;
  VLuminosityBlockRange: readonly LuminosityBlockRange[];
}

export type ParameterValue = ParameterValueOfType[ParameterTypeName];

/** One entry of a ParameterSet: its type, whether it is tracked (part of the provenance) and its value. */
export interface Parameter<T extends ParameterTypeName = ParameterTypeName> {
  readonly type: T;
  readonly tracked: boolean;
  readonly value: ParameterValueOfType[T];
}

/** "tracked int32" / "untracked vstring": how CMSSW's messages name a parameter's kind. */
export function describeParameterKind(type: ParameterTypeName, tracked: boolean): string {
  return `${tracked ? 'tracked' : 'untracked'} ${type}`;
}

export function isParameterTypeName(value: unknown): value is ParameterTypeName {
  return typeof value === 'string' && (parameterTypeNames as readonly string[]).includes(value);
}
