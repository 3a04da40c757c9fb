import {
  type DeviceFunctionSourceV1,
  elementTypeOf,
  InvalidArgumentError,
  isElementType,
  type KernelSourceV1,
  type ParameterSpec,
} from '@alpaka-ts/interface';
import type { Node } from 'acorn';
import type { FunctionIR, KernelIR, KernelParameterIR, Statement } from '../ir';
import type { ScalarType, ValueType } from '../types';
import { viewLayoutOf } from '../view-layout';
import { CheckContext, type CheckMode, type FunctionRegistry } from './check-context';
import { checkExpressionNode } from './check-expression';
import { checkStatements, definitelyReturns } from './check-statements';
import { KernelCompileError } from './kernel-compile-error';
import { type ParsedKernel, parseKernelSource, positionOf } from './parse-kernel-source';

export interface CheckOptions {
  /** The dimension of the work divisions this specialisation runs with (1 to 3). */
  readonly dimension: number;
  /**
   * Values of constant() parameters to specialise for (alpaka's template arguments): each becomes a literal in
   * the kernel (so it can size shared arrays and label cases) and leaves the C++ parameter list. A constant
   * without a value stays an ordinary launch argument.
   */
  readonly constants?: Readonly<Record<string, number>> | undefined;
}

const isDeviceFunction = (spec: ParameterSpec): spec is DeviceFunctionSourceV1 =>
  !isElementType(spec) && spec.kind === 'deviceFunction';

function dataParameter(
  name: string,
  local: string,
  spec: Exclude<ParameterSpec, DeviceFunctionSourceV1>,
  constants: Readonly<Record<string, number>> | undefined,
): KernelParameterIR {
  if (!isElementType(spec) && spec.kind === 'view') {
    return {
      name,
      local,
      type: { kind: 'view', layout: viewLayoutOf(spec.layout), access: spec.access },
      constant: false,
    };
  }
  const element = elementTypeOf(spec).name as ScalarType;
  const type: ValueType =
    isElementType(spec) || spec.kind === 'constant'
      ? { kind: 'scalar', scalar: element }
      : { kind: 'array', element, access: spec.access, space: 'global' };
  if (isElementType(spec) || spec.kind !== 'constant' || constants?.[name] === undefined)
    return { name, local, type, constant: !isElementType(spec) && spec.kind === 'constant' };
  const given = constants[name];
  const value = spec.elementType.convert(given);
  if (!Object.is(value, given) && !(Number.isNaN(value) && Number.isNaN(given))) {
    throw new InvalidArgumentError(
      `constant '${name}' is ${element}, and ${given} is not a value of that type; specialise with ${value} or convert it explicitly.`,
    );
  }
  return { name, local, type, constant: true, value };
}

/**
 * Declares a kernel's or device function's parameters in its context: data parameters become
 * KernelParameterIRs; device functions are compiled (once per kernel compile) and bound as callables.
 */
function declareParameters(
  context: CheckContext,
  parsed: ParsedKernel,
  signature: Readonly<Record<string, ParameterSpec>>,
  kernelName: string,
  dimension: number,
  constants?: Readonly<Record<string, number>>,
): KernelParameterIR[] {
  const parameters: KernelParameterIR[] = [];
  for (const [name, spec] of Object.entries(signature)) {
    const binding = parsed.bindings.get(name);
    const local = binding?.local ?? name;
    const node = binding?.node ?? parsed.node;
    if (isDeviceFunction(spec)) {
      const compiled = checkDeviceFunction(spec, kernelName, dimension, context.functions, node, context);
      context.declare(node, {
        name: local,
        type: {
          kind: 'function',
          id: compiled.id,
          name: spec.name,
          parameters: compiled.parameters.map((parameter) => parameter.type),
          returns: compiled.returns,
        },
        constant: true,
        parameter: true,
      });
      continue;
    }
    const parameter = dataParameter(name, local, spec, constants);
    parameters.push(parameter);
    context.declare(node, {
      name: parameter.local,
      type: parameter.type,
      constant: parameter.type.kind !== 'scalar' || parameter.value !== undefined,
      parameter: true,
      value: parameter.value,
    });
  }
  return parameters;
}

function checkBody(context: CheckContext, parsed: ParsedKernel): Statement[] {
  const bodyNode = parsed.node.body;
  context.pushScope();
  let body: Statement[];
  if (bodyNode.type === 'BlockStatement') body = checkStatements(context, bodyNode.body as Node[]);
  else if (context.mode.kind === 'function' && context.mode.returns !== undefined) {
    // (acc, { x }) => x * x: an expression body is the returned value.
    body = checkStatements(context, [
      {
        type: 'ReturnStatement',
        argument: bodyNode,
        loc: bodyNode.loc,
        start: bodyNode.start,
        end: bodyNode.end,
      } as unknown as Node,
    ]);
  } else body = [{ kind: 'expression', expression: context.checkExpression(bodyNode) }];
  context.popScope();
  return body;
}

function checkDeviceFunction(
  definition: DeviceFunctionSourceV1,
  kernelName: string,
  dimension: number,
  registry: FunctionRegistry,
  usedAt: Node,
  caller: CheckContext,
): FunctionIR {
  const done = registry.byDefinition.get(definition);
  if (done) return done;
  if (registry.inProgress.has(definition)) {
    caller.fail(
      usedAt,
      `device function '${definition.name}' calls itself, directly or through another function: recursion is not in the kernel language.`,
    );
  }
  registry.inProgress.add(definition);
  const parsed = parseKernelSource(definition as unknown as KernelSourceV1);
  const returns = definition.returns?.name as ScalarType | undefined;
  const mode: CheckMode = { kind: 'function', name: definition.name, returns };
  const context: CheckContext = new CheckContext(
    kernelName,
    parsed.accName,
    dimension,
    (node, expected) => context.nested(node, () => checkExpressionNode(context, node, expected)),
    mode,
    registry,
  );
  const parameters = declareParameters(context, parsed, definition.signature, kernelName, dimension);
  const body = checkBody(context, parsed);
  if (returns !== undefined && !definitelyReturns(body)) {
    throw new KernelCompileError(
      kernelName,
      positionOf(parsed.node),
      `device function '${definition.name}' can reach its end without returning a ${returns}.`,
    );
  }
  const compiled: FunctionIR = {
    id: `${kernelName}__${definition.name}`,
    name: definition.name,
    parameters,
    returns,
    body,
  };
  if (registry.compiled.some((existing) => existing.id === compiled.id)) {
    caller.fail(
      usedAt,
      `two different device functions are named '${definition.name}' in this kernel; give them distinct names.`,
    );
  }
  registry.inProgress.delete(definition);
  registry.byDefinition.set(definition, compiled);
  registry.compiled.push(compiled);
  return compiled;
}

/** Parses and type-checks a kernel and its device functions against their signatures, producing its IR; throws KernelCompileError. */
export function checkKernel(kernel: KernelSourceV1, options: CheckOptions): KernelIR {
  const parsed = parseKernelSource(kernel);
  const context: CheckContext = new CheckContext(kernel.name, parsed.accName, options.dimension, (node, expected) =>
    context.nested(node, () => checkExpressionNode(context, node, expected)),
  );
  for (const name of Object.keys(options.constants ?? {})) {
    const spec = kernel.signature[name];
    if (spec === undefined || isElementType(spec) || spec.kind !== 'constant') {
      throw new InvalidArgumentError(
        `kernel '${kernel.name}': '${name}' is not a constant() parameter, so it cannot be specialised.`,
      );
    }
  }
  const parameters = declareParameters(
    context,
    parsed,
    kernel.signature,
    kernel.name,
    options.dimension,
    options.constants,
  );
  const body = checkBody(context, parsed);
  return {
    name: kernel.name,
    parameters,
    functions: context.functions.compiled,
    shared: context.shared,
    body,
    usesChecks: context.usesChecks,
  };
}
