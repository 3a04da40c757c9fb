// Number and boolean literals, and the type each gets: the expected one where there is one, else by value.
import type { Literal, Node, UnaryExpression } from 'acorn';
import type { Expression } from '../ir';
import { isFloat, type ScalarType, scalar } from '../types';
import type { CheckContext } from './check-context';

/**
 * Whether a literal is floating. Decided by value, not spelling: bundlers and test runners reprint
 * numbers (esbuild turns 4000000000 into 4e9 and 1.0 into 1), so the kernel's source text cannot keep
 * a float literal's point. An integral value adapts to its context; declare float variables with acc.f32(0).
 */
const isFloatLiteral = (node: Literal): boolean => typeof node.value === 'number' && !Number.isInteger(node.value);

export const isNumericLiteral = (node: Node): boolean =>
  (node.type === 'Literal' && typeof (node as Literal).value === 'number') ||
  (node.type === 'UnaryExpression' &&
    (node as UnaryExpression).operator === '-' &&
    isNumericLiteral((node as UnaryExpression).argument));

export function literal(context: CheckContext, node: Literal, expected: ScalarType | undefined): Expression {
  if (typeof node.value === 'boolean') return { kind: 'literal', type: scalar('bool'), value: node.value ? 1 : 0 };
  if (typeof node.value !== 'number') {
    context.fail(
      node,
      `${node.raw} is not a value of the kernel language: kernels compute with numbers and booleans (strings appear only as acc method arguments).`,
    );
  }
  const value = node.value;
  if (isFloatLiteral(node))
    return { kind: 'literal', type: scalar(expected && isFloat(expected) ? expected : 'f64'), value };
  if (expected) return { kind: 'literal', type: scalar(expected), value };
  // An integer literal without context: i32 when it fits, u32 above that, f64 beyond 32 bits.
  const type: ScalarType =
    value >= -(2 ** 31) && value < 2 ** 31 ? 'i32' : value >= 0 && value < 2 ** 32 ? 'u32' : 'f64';
  return { kind: 'literal', type: scalar(type), value };
}
