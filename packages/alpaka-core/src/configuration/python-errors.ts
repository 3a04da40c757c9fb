import type { ParameterTypeName } from '../parameter-set/parameter-type';
import { parameterValueProblem } from '../parameter-set/parameter-value-check';

/**
 * The errors CMSSW's Python configuration layer raises (ValueError, TypeError, RuntimeError) are plain errors
 * here too, named as Python's: cmsRun turns a Python error into ConfigFileReadError (7002), while an
 * edm::Exception (a FrameworkError here) keeps its own category. The loader makes that distinction.
 */
export function pythonError(name: 'ValueError' | 'TypeError' | 'RuntimeError', message: string): Error {
  const error = name === 'TypeError' ? new TypeError(message) : new Error(message);
  error.name = name;
  return error;
}

/** A ValueError naming the parameter when a value does not fit its type (as Python's `cms.int32('x')`). */
export function checkBuilderValue(name: string, type: ParameterTypeName, value: unknown): void {
  const problem = parameterValueProblem(type, value);
  if (problem !== undefined) throw pythonError('ValueError', `Parameter "${name}" of type ${type}: ${problem}.`);
}
