import { FrameworkError } from '../errors/framework-error';
import { EventRange } from '../event/event-range';
import { LuminosityBlockRange } from '../event/luminosity-block-range';
import { ESInputTag } from './es-input-tag';
import { InputTag } from './input-tag';
import type { ParameterTypeName, ParameterValue } from './parameter-type';

const int32Range = [-(2 ** 31), 2 ** 31 - 1] as const;
const uint32Range = [0, 2 ** 32 - 1] as const;
const int64Range = [-(2n ** 63n), 2n ** 63n - 1n] as const;
const uint64Range = [0n, 2n ** 64n - 1n] as const;

/**
 * Why a value cannot be held by a parameter of this type (out of range, wrong JavaScript type), or undefined
 * when it can. Shared by the configuration builders (cms.int32(…)) and ParameterSet.insert so that no
 * parameter set ever holds a value its type cannot represent.
 */
export function parameterValueProblem(type: ParameterTypeName, value: unknown): string | undefined {
  switch (type) {
    case 'int32':
      return integerProblem(value, int32Range, 'int32');
    case 'uint32':
      return integerProblem(value, uint32Range, 'uint32');
    case 'int64':
      return bigintProblem(value, int64Range, 'int64');
    case 'uint64':
      return bigintProblem(value, uint64Range, 'uint64');
    case 'double':
      return typeof value === 'number' ? undefined : `a double must be a number, got ${describe(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `a bool must be true or false, got ${describe(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `a string must be a string, got ${describe(value)}`;
    case 'InputTag':
      return value instanceof InputTag ? undefined : `an InputTag must be a cms.InputTag, got ${describe(value)}`;
    case 'ESInputTag':
      return value instanceof ESInputTag ? undefined : `an ESInputTag must be a cms.ESInputTag, got ${describe(value)}`;
    case 'PSet':
      return isParameterSetLike(value) ? undefined : `a PSet must be a ParameterSet, got ${describe(value)}`;
    case 'VPSet':
      return vectorProblem(value, 'PSet');
    case 'vint32':
      return vectorProblem(value, 'int32');
    case 'vuint32':
      return vectorProblem(value, 'uint32');
    case 'vint64':
      return vectorProblem(value, 'int64');
    case 'vuint64':
      return vectorProblem(value, 'uint64');
    case 'vdouble':
      return vectorProblem(value, 'double');
    case 'vstring':
      return vectorProblem(value, 'string');
    case 'VInputTag':
      return vectorProblem(value, 'InputTag');
    case 'VESInputTag':
      return vectorProblem(value, 'ESInputTag');
    case 'EventRange':
      return value instanceof EventRange ? undefined : `an EventRange must be a cms.EventRange, got ${describe(value)}`;
    case 'VEventRange':
      return vectorProblem(value, 'EventRange');
    case 'LuminosityBlockRange':
      return value instanceof LuminosityBlockRange
        ? undefined
        : `a LuminosityBlockRange must be a cms.LuminosityBlockRange, got ${describe(value)}`;
    case 'VLuminosityBlockRange':
      return vectorProblem(value, 'LuminosityBlockRange');
  }
}

/** Throws a Configuration FrameworkError naming the parameter when its value does not fit its type. */
export function checkParameterValue(
  name: string,
  type: ParameterTypeName,
  value: unknown,
): asserts value is ParameterValue {
  const problem = parameterValueProblem(type, value);
  if (problem !== undefined) {
    throw new FrameworkError('Configuration', `Parameter "${name}" of type ${type}: ${problem}.`);
  }
}

function integerProblem(value: unknown, [low, high]: readonly [number, number], type: string): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `an ${type} must be an integer, got ${describe(value)}`;
  if (value < low || value > high) return `${value} is outside the range of ${type} [${low}, ${high}]`;
  return undefined;
}

function bigintProblem(value: unknown, [low, high]: readonly [bigint, bigint], type: string): string | undefined {
  // Integers that are safe as numbers are accepted and converted by the builders; here the stored form is bigint.
  if (typeof value !== 'bigint') return `an ${type} must be a bigint, got ${describe(value)}`;
  if (value < low || value > high) return `${value} is outside the range of ${type} [${low}, ${high}]`;
  return undefined;
}

function vectorProblem(value: unknown, elementType: ParameterTypeName): string | undefined {
  // CMSSW's vector names: vint32, vstring for the plain types, VInputTag, VEventRange for the class types.
  const vectorName = /^[A-Z]/.test(elementType) ? `V${elementType}` : `v${elementType}`;
  if (!Array.isArray(value)) return `a ${vectorName} must be an array, got ${describe(value)}`;
  for (let index = 0; index < value.length; index++) {
    const problem = parameterValueProblem(elementType, value[index]);
    if (problem !== undefined) return `element ${index}: ${problem}`;
  }
  return undefined;
}

function isParameterSetLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { isParameterSet?: unknown }).isParameterSet === true;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  if (typeof value === 'string') return `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}
