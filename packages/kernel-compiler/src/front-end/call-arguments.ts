// What every call checker asks of a call's arguments: how many, and which literal.
import type { CallExpression, Literal, Node } from 'acorn';
import type { CheckContext } from './check-context';

/** A string literal argument from a fixed set, e.g. the origin of getIdx. */
export function literalArgument<T extends string>(
  context: CheckContext,
  node: Node | undefined,
  allowed: readonly T[],
  what: string,
  call: Node,
): T {
  if (
    node?.type !== 'Literal' ||
    typeof (node as Literal).value !== 'string' ||
    !allowed.includes((node as Literal).value as T)
  ) {
    return context.fail(
      node ?? call,
      `${what} must be one of the literals ${allowed.map((value) => `'${value}'`).join(', ')}.`,
    );
  }
  return (node as Literal).value as T;
}

export function expectArguments(
  context: CheckContext,
  node: CallExpression,
  minimum: number,
  maximum: number,
  name: string,
): Node[] {
  const args = node.arguments as Node[];
  if (args.some((argument) => argument.type === 'SpreadElement'))
    context.fail(node, `${name}: spread arguments are not in the kernel language.`);
  if (args.length < minimum || args.length > maximum) {
    context.fail(
      node,
      `${name} takes ${minimum === maximum ? minimum : `${minimum} to ${maximum}`} argument(s), not ${args.length}.`,
    );
  }
  return args;
}
