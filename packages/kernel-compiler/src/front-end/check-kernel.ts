import { elementTypeOf, isElementType, type KernelDefinition } from '@alpaka-ts/interface';
import type { Node } from 'acorn';
import type { KernelIR, KernelParameterIR } from '../ir';
import type { ScalarType, ValueType } from '../types';
import { CheckContext } from './check-context';
import { checkExpressionNode } from './check-expression';
import { checkStatements } from './check-statements';
import { parseKernelSource } from './parse-kernel-source';

export interface CheckOptions {
  /** The dimension of the work divisions this specialisation runs with (1 to 3). */
  readonly dimension: number;
}

/** Parses and type-checks a kernel against its signature, producing its IR; throws KernelCompileError. */
export function checkKernel(kernel: KernelDefinition, options: CheckOptions): KernelIR {
  const parsed = parseKernelSource(kernel);
  const context: CheckContext = new CheckContext(kernel.name, parsed.accName, options.dimension, (node, expected) =>
    checkExpressionNode(context, node, expected),
  );
  const parameters: KernelParameterIR[] = Object.entries(kernel.signature).map(([name, spec]) => {
    const element = elementTypeOf(spec).name as ScalarType;
    const type: ValueType =
      isElementType(spec) || spec.kind === 'constant'
        ? { kind: 'scalar', scalar: element }
        : { kind: 'array', element, access: spec.access, space: 'global' };
    const local = parsed.bindings.get(name)?.local ?? name;
    return { name, local, type, constant: !isElementType(spec) && spec.kind === 'constant' };
  });
  for (const parameter of parameters) {
    const node = parsed.bindings.get(parameter.name)?.node ?? parsed.node;
    context.declare(node, {
      name: parameter.local,
      type: parameter.type,
      constant: parameter.type.kind !== 'scalar',
      parameter: true,
    });
  }
  const bodyNode = parsed.node.body;
  context.pushScope();
  const body =
    bodyNode.type === 'BlockStatement'
      ? checkStatements(context, bodyNode.body as Node[])
      : [{ kind: 'expression' as const, expression: context.checkExpression(bodyNode) }];
  context.popScope();
  return { name: kernel.name, parameters, shared: context.shared, body, usesChecks: context.usesChecks };
}
