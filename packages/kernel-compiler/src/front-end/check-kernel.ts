import { type DeviceFunctionSourceV1, InvalidArgumentError, type KernelSourceV1 } from '@alpaka-ts/interface';
import { type KernelParameterV1, type KernelShapeV1, kernelShapeOf } from '@alpaka-ts/interface/backend';
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

function dataParameter(
  parameter: KernelParameterV1,
  local: string,
  constant: boolean,
  constants: Readonly<Record<string, number>> | undefined,
): KernelParameterIR {
  const { name } = parameter;
  if (parameter.kind === 'view') {
    const { layout, access } = parameter.spec;
    return { name, local, type: { kind: 'view', layout: viewLayoutOf(layout), access }, constant: false };
  }
  if (parameter.kind === 'array') {
    const { elementType, access } = parameter.spec;
    const type: ValueType = { kind: 'array', element: elementType.name as ScalarType, access, space: 'global' };
    return { name, local, type, constant: false };
  }
  const { elementType } = parameter;
  const element = elementType.name as ScalarType;
  const type: ValueType = { kind: 'scalar', scalar: element };
  const given = constant ? constants?.[name] : undefined;
  if (given === undefined) return { name, local, type, constant };
  const value = elementType.convert(given);
  if (!Object.is(value, given) && !(Number.isNaN(value) && Number.isNaN(given))) {
    throw new InvalidArgumentError(
      `constant '${name}' is ${element}, and ${given} is not a value of that type; specialise with ${value} or convert it explicitly.`,
    );
  }
  return { name, local, type, constant: true, value };
}

/**
 * Declares a kernel's or device function's parameters in its context, read from its shape (kernelShapeOf, the
 * signature sorted once): data parameters become KernelParameterIRs; device functions are compiled (once per
 * kernel compile) and bound as callables. Data parameters are declared first: a device function is not passed
 * at a call, so where it stands among them in the signature changes nothing of the IR.
 */
function declareParameters(
  context: CheckContext,
  parsed: ParsedKernel,
  shape: KernelShapeV1,
  kernelName: string,
  dimension: number,
  constants?: Readonly<Record<string, number>>,
): KernelParameterIR[] {
  const bindingOf = (name: string) => {
    const binding = parsed.bindings.get(name);
    return { local: binding?.local ?? name, node: binding?.node ?? parsed.node };
  };
  const parameters: KernelParameterIR[] = [];
  for (const entry of shape.parameters) {
    const { local, node } = bindingOf(entry.name);
    const parameter = dataParameter(entry, local, shape.constants.includes(entry.name), constants);
    parameters.push(parameter);
    context.declare(node, {
      name: parameter.local,
      type: parameter.type,
      constant: parameter.type.kind !== 'scalar' || parameter.value !== undefined,
      parameter: true,
      value: parameter.value,
    });
  }
  for (const { name, definition } of shape.deviceFunctions) {
    const { local, node } = bindingOf(name);
    const compiled = checkDeviceFunction(definition, kernelName, dimension, context.functions, node, context);
    context.declare(node, {
      name: local,
      type: {
        kind: 'function',
        id: compiled.id,
        name: definition.name,
        parameters: compiled.parameters.map((parameter) => parameter.type),
        returns: compiled.returns,
      },
      constant: true,
      parameter: true,
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
  const parameters = declareParameters(context, parsed, kernelShapeOf(definition), kernelName, dimension);
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
  const shape = kernelShapeOf(kernel);
  for (const name of Object.keys(options.constants ?? {})) {
    if (!shape.constants.includes(name)) {
      throw new InvalidArgumentError(
        `kernel '${kernel.name}': '${name}' is not a constant() parameter, so it cannot be specialised.`,
      );
    }
  }
  const parameters = declareParameters(context, parsed, shape, kernel.name, options.dimension, options.constants);
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
