import type { KernelArgumentV1 } from './backend';
import { Buffer } from './buffer';
import { isIntegerType } from './element-types';
import { InvalidArgumentError } from './errors';
import type { KernelParameterV1 } from './kernel-shape';
import { arrayArgument, type LaunchDevice, scalarArgument, viewArgument } from './launch-arguments';

type DataParameter = KernelParameterV1;

/** What the preparer of one kernel is built from: its name for messages and its data parameters in order. */
export interface PreparedSignature {
  /** "kernel 'name'", for messages. */
  readonly name: string;
  readonly parameters: readonly DataParameter[];
}

/** Turns a launch's arguments into their backend forms, in the signature's order. */
export type ArgumentPreparer = (
  values: Record<string, unknown>,
  device: LaunchDevice,
) => Record<string, KernelArgumentV1>;

function missingArgument(kernelName: string, values: Record<string, unknown>, parameter: string): void {
  if (!(parameter in values)) throw new InvalidArgumentError(`${kernelName}: argument '${parameter}' is missing.`);
}

function prepareOne(
  kernelName: string,
  parameter: DataParameter,
  value: unknown,
  device: LaunchDevice,
): KernelArgumentV1 {
  return parameter.kind === 'scalar'
    ? scalarArgument(kernelName, parameter.name, parameter.elementType, value)
    : parameter.kind === 'array'
      ? arrayArgument(kernelName, parameter.name, parameter.spec, value, device)
      : viewArgument(kernelName, parameter.name, parameter.spec, value, device);
}

// Parameter names the generated preparer may write as plain property names (anything else takes the loop).
const plainPropertyName = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A kernel's argument preparer, built once per kernel. For the usual signature it is generated code reading
 * each argument by name and returning one object literal: every launch of a kernel then makes objects of one
 * shape, which V8 reads and writes through monomorphic property accesses (a loop over parameter names makes
 * each access a megamorphic lookup, a measurable part of a GPU launch). It calls the same checks as the loop.
 */
export function compilePreparer(shape: PreparedSignature): ArgumentPreparer {
  const kernelName = shape.name;
  let preparer: ArgumentPreparer;
  const { parameters } = shape;
  if (parameters.every((parameter) => plainPropertyName.test(parameter.name) && parameter.name !== '__proto__')) {
    // Each argument takes an inline fast path when it is plainly right (a number of the scalar's type, a
    // writable-enough buffer of the element type on the queue's device), else the full check, which explains
    // what is wrong (or converts a boolean).
    // Integer and bool scalars are taken as they are when their type holds them; floats are converted.
    const exact = (parameter: DataParameter) =>
      parameter.kind === 'scalar' && (isIntegerType(parameter.elementType) || parameter.elementType.name === 'bool');
    const reads = parameters.map((parameter, index) => {
      const value = `v${index}`;
      return `const ${value} = values.${parameter.name}; if (${value} === undefined) missing(kernelName, values, ${JSON.stringify(parameter.name)});`;
    });
    const conversions = parameters.map((parameter, index) => {
      const value = `v${index}`;
      const quoted = JSON.stringify(parameter.name);
      if (parameter.kind === 'scalar') {
        const convert = `parameters[${index}].elementType.convert`;
        const fast = exact(parameter)
          ? `typeof ${value} === 'number' && ${convert}(${value}) === ${value} ? ${value}`
          : `typeof ${value} === 'number' ? ${convert}(${value})`;
        return `const a${index} = ${fast} : scalar(kernelName, ${quoted}, parameters[${index}].elementType, ${value});`;
      }
      if (parameter.kind === 'array') {
        const writable = parameter.spec.access === 'in' ? '' : ` && !${value}.isConst`;
        return `const a${index} = ${value} instanceof Buffer && ${value}.elementType === parameters[${index}].spec.elementType && ${value}.device === device${writable} ? ${value}.kernelArgument : array(kernelName, ${quoted}, parameters[${index}].spec, ${value}, device);`;
      }
      return `const a${index} = view(kernelName, ${quoted}, parameters[${index}].spec, ${value}, device);`;
    });
    const fields = parameters.map((parameter, index) => `${parameter.name}: a${index}`);
    // The last launch's values and result: the same values (by identity; a float zero never matches, as 0
    // and -0 are equal but differ in bits) on the same device give the same arguments, so they are reused.
    // Buffers and views never change once made, so this skips no check that could now fail.
    const same = parameters.map((parameter, index) =>
      parameter.kind === 'scalar' && !exact(parameter)
        ? `v${index} === last${index} && v${index} !== 0`
        : `v${index} === last${index}`,
    );
    const remember = parameters.map((_parameter, index) => `last${index} = v${index};`);
    const declared = parameters.map((_parameter, index) => `let last${index};`);
    const source = `"use strict"; let lastDevice, lastPrepared; ${declared.join(' ')}
return function prepareArguments(values, device) {
${reads.join('\n')}
if (device === lastDevice${same.map((test) => ` && ${test}`).join('')}) return lastPrepared;
${conversions.join('\n')}
const prepared = { ${fields.join(', ')} };
lastDevice = device; lastPrepared = prepared; ${remember.join(' ')}
return prepared;
};`;
    preparer = new Function('kernelName', 'parameters', 'Buffer', 'missing', 'scalar', 'array', 'view', source)(
      kernelName,
      parameters,
      Buffer,
      missingArgument,
      scalarArgument,
      arrayArgument,
      viewArgument,
    ) as ArgumentPreparer;
  } else {
    preparer = (values, device) => {
      const prepared: Record<string, KernelArgumentV1> = {};
      for (const parameter of parameters) {
        const value = values[parameter.name];
        if (value === undefined) missingArgument(kernelName, values, parameter.name);
        prepared[parameter.name] = prepareOne(kernelName, parameter, value, device);
      }
      return prepared;
    };
  }
  return preparer;
}
