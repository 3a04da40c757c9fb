import type { CallExpression, Literal, Node } from 'acorn';
import type { Expression } from '../ir';
import type { CheckContext } from './check-context';
import { coerce } from './conversions';

/** The name of the acc method a call invokes, when it is `acc.method(…)`. */
export function accMethodOf(context: CheckContext, node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression') return undefined;
  const callee = (node as CallExpression).callee;
  if (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === context.accName &&
    callee.property.type === 'Identifier'
  ) {
    return callee.property.name;
  }
  return undefined;
}

/** An integer known when the kernel is compiled: a literal, or a constant() parameter it is specialised for. */
export function compileTimeInteger(context: CheckContext, node: Node | undefined): number | undefined {
  if (node?.type === 'Identifier') {
    const value = context.lookup((node as unknown as { name: string }).name)?.value;
    return value !== undefined && Number.isInteger(value) ? value : undefined;
  }
  const value = node?.type === 'Literal' ? (node as Literal).value : undefined;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function integerLiteral(context: CheckContext, node: Node | undefined, what: string, call: Node): number {
  return (
    compileTimeInteger(context, node) ??
    context.fail(
      node ?? call,
      `${what} must be an integer literal or a constant() parameter the kernel is specialised for (a compile-time constant).`,
    )
  );
}

export function u32Argument(context: CheckContext, node: Node, what: string): Expression {
  return coerce(context, node, context.checkExpression(node, 'u32'), 'u32', what);
}
