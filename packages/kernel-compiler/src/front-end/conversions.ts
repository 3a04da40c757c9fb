import type { Node } from 'acorn';
import type { Expression } from '../ir';
import { describeType, isFloat, isInteger, type ScalarType, scalar } from '../types';
import type { CheckContext } from './check-context';

export function scalarOf(context: CheckContext, node: Node, expression: Expression, what: string): ScalarType {
  if (expression.type.kind !== 'scalar')
    context.fail(node, `${what} must be a number, but it is ${describeType(expression.type)}.`);
  return expression.type.scalar;
}

/**
 * Converts an expression to a scalar type as C would implicitly, refusing the one conversion the kernel
 * language forbids: a floating-point value into an integer (write acc.i32(x), acc.u32(x) … to truncate).
 */
export function coerce(
  context: CheckContext,
  node: Node,
  expression: Expression,
  target: ScalarType,
  what: string,
): Expression {
  const source = scalarOf(context, node, expression, what);
  if (source === target) return expression;
  if (expression.kind === 'literal') {
    if (isFloat(source) && !isFloat(target) && !Number.isInteger(expression.value)) {
      context.fail(
        node,
        `${what}: the floating-point literal ${expression.value} does not fit ${target}; write an integer literal or convert explicitly with acc.${target}(…).`,
      );
    }
    if (isFloat(source) && isInteger(target)) {
      context.fail(
        node,
        `${what}: a floating-point literal cannot become ${target}; write ${Math.trunc(expression.value)} instead.`,
      );
    }
    return { kind: 'literal', type: scalar(target), value: expression.value };
  }
  if (isFloat(source) && !isFloat(target)) {
    context.fail(
      node,
      `${what}: a ${source} value cannot become ${target} implicitly (it would drop the fraction); convert explicitly with acc.${target === 'bool' ? 'bool' : target}(…) (which truncates toward zero) or Math.round/floor first.`,
    );
  }
  return { kind: 'convert', type: scalar(target), value: expression };
}

/** Converts a condition (bool or number) to bool: numbers are true when not zero. */
export function condition(context: CheckContext, node: Node, expression: Expression): Expression {
  const source = scalarOf(context, node, expression, 'a condition');
  if (source === 'bool') return expression;
  return {
    kind: 'compare',
    type: scalar('bool'),
    operator: '!=',
    left: expression,
    right: { kind: 'literal', type: scalar(source), value: 0 },
  };
}
