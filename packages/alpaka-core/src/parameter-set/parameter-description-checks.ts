import { FrameworkError } from '../errors/framework-error';
import type { ParameterSet } from './parameter-set';
import type { ParameterSetDescription, ScalarParameterTypeName } from './parameter-set-description';
import { validateParameterSet } from './parameter-set-validation';
import { describeParameterKind, isParameterTypeName, type ParameterTypeName } from './parameter-type';
import { parameterValueProblem } from './parameter-value-check';

// What ParameterSetDescription checks when a parameter is declared. A failure is the module author's mistake,
// not the configuration's: LogicError (8010), naming the label, as CMSSW's description classes throw.

/** A declared type name: one of ParameterTypeName, and not PSet/VPSet, which are declared with a description. */
export function checkScalarTypeName(label: string, type: unknown): ScalarParameterTypeName {
  if (!isParameterTypeName(type)) {
    throw new FrameworkError(
      'LogicError',
      `Parameter "${label}": unknown parameter type ${JSON.stringify(type)} (one of int32, uint32, int64, uint64, double, bool, string, InputTag, ESInputTag and their v-forms, or a nested ParameterSetDescription).`,
    );
  }
  if (type === 'PSet' || type === 'VPSet') {
    throw new FrameworkError(
      'LogicError',
      `Parameter "${label}": declare a ${type} with ${type === 'PSet' ? 'add(label, nestedDescription)' : 'addVPSet(label, elementDescription, defaults)'}, so its contents are described too.`,
    );
  }
  return type;
}

/** A default must be a value of its type (parameterValueProblem, as a configuration's values are checked). */
export function checkDefault(label: string, type: ParameterTypeName, tracked: boolean, value: unknown): void {
  const problem = parameterValueProblem(type, value);
  if (problem !== undefined) {
    throw new FrameworkError(
      'LogicError',
      `The default of parameter "${label}" (${describeParameterKind(type, tracked)}) in a ParameterSetDescription is not valid: ${problem}.`,
    );
  }
}

/** Each default element must satisfy the element description, as a configuration's elements must. */
export function checkVPSetDefaults(
  label: string,
  tracked: boolean,
  elementDescription: ParameterSetDescription,
  defaults: readonly ParameterSet[],
): void {
  checkDefault(label, 'VPSet', tracked, defaults);
  defaults.forEach((element, index) => {
    try {
      validateParameterSet(elementDescription, element.clone());
    } catch (error) {
      throw new FrameworkError(
        'LogicError',
        `Element ${index} of the default of parameter "${label}" (${describeParameterKind('VPSet', tracked)}) does not satisfy its element description:\n${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  });
}

/** A label is non-empty and used by one node only (CMSSW's throwIfLabelsAlreadyUsed). */
export function checkLabel(label: unknown, used: ReadonlySet<string>): void {
  if (typeof label !== 'string' || label === '') {
    throw new FrameworkError(
      'LogicError',
      `A parameter in a ParameterSetDescription needs a non-empty label, got ${JSON.stringify(label)}.`,
    );
  }
  if (used.has(label)) {
    throw new FrameworkError(
      'LogicError',
      `Labels used in different nodes of a ParameterSetDescription\nmust be unique.  The following duplicate labels were detected:\n "${label}"\n`,
    );
  }
}

/** CMSSW supports only the pattern "*" (ParameterWildcardBase::throwIfInvalidPattern). */
export function checkWildcardPattern(pattern: string, type: ParameterTypeName): void {
  if (pattern !== '*') {
    throw new FrameworkError(
      'LogicError',
      `Currently, the only supported wildcard in ParameterSetDescriptions\nis the single character "*".  The description contains a wildcard\nwith pattern "${pattern}" and type "${type}".\n`,
    );
  }
}
