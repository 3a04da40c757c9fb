import type { KernelSourceV1 } from '@alpaka-ts/interface';
import type { ArrowFunctionExpression, FunctionExpression, Node, Pattern } from 'acorn';
import { parse } from 'acorn';
import { KernelCompileError } from './kernel-compile-error';

export type KernelFunctionNode = ArrowFunctionExpression | FunctionExpression;

export interface ParsedKernel {
  readonly node: KernelFunctionNode;
  /** The local name of the acc parameter (minifiers rename it). */
  readonly accName: string;
  /** Signature parameter name → the local name the body binds it to. */
  readonly bindings: ReadonlyMap<string, { readonly local: string; readonly node: Node }>;
}

const position = (node: Node | undefined) => ({
  line: node?.loc?.start.line ?? 1,
  column: node?.loc?.start.column ?? 0,
});

/**
 * Parses the kernel body's source text (fn.toString(): an arrow function, a function expression, or what
 * new Function produced) with acorn, and reads its two parameters: acc, and the destructured arguments.
 * Parameter names come from the destructuring keys, which bundlers keep, not from the local bindings.
 */
export function parseKernelSource(kernel: KernelSourceV1): ParsedKernel {
  const fail = (node: Node | undefined, reason: string): never => {
    throw new KernelCompileError(kernel.name, position(node), reason);
  };
  let program: ReturnType<typeof parse>;
  try {
    program = parse(`(${kernel.source}\n)`, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    throw new KernelCompileError(
      kernel.name,
      { line: loc?.line ?? 1, column: Math.max(0, (loc?.column ?? 1) - 1) },
      `cannot parse the kernel body: ${(error as Error).message}`,
    );
  }
  const statement = program.body[0];
  const expression = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (!expression || (expression.type !== 'ArrowFunctionExpression' && expression.type !== 'FunctionExpression')) {
    return fail(statement, 'the kernel body must be a function (acc, { …parameters }) => { … }.');
  }
  if (expression.async || expression.generator) fail(expression, 'a kernel body cannot be async or a generator.');
  const [accParameter, argumentsParameter, ...extra] = expression.params;
  if (extra.length > 0) fail(extra[0], 'a kernel body takes two parameters: acc and the destructured arguments.');
  if (accParameter?.type !== 'Identifier')
    return fail(accParameter ?? expression, 'the first parameter must be a plain name for the accelerator (acc).');
  const bindings = new Map<string, { local: string; node: Node }>();
  if (argumentsParameter !== undefined) readArgumentPattern(argumentsParameter, bindings, fail);
  for (const name of bindings.keys()) {
    if (!(name in kernel.signature))
      fail(
        bindings.get(name)?.node,
        `'${name}' is not a parameter of the signature; the parameters are ${Object.keys(kernel.signature).join(', ') || 'none'}.`,
      );
  }
  return { node: expression, accName: accParameter.name, bindings };
}

function readArgumentPattern(
  pattern: Pattern,
  bindings: Map<string, { local: string; node: Node }>,
  fail: (node: Node, reason: string) => never,
): void {
  if (pattern.type !== 'ObjectPattern') {
    fail(pattern, 'destructure the arguments in the parameter list: (acc, { n, x, y }) => …');
    return;
  }
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || property.computed) {
      fail(property, 'only plain { name } or { name: local } destructuring is allowed in the parameter list.');
      return;
    }
    const key =
      property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'Literal'
          ? String(property.key.value)
          : undefined;
    if (key === undefined || property.value.type !== 'Identifier') {
      fail(property, 'only plain { name } or { name: local } destructuring is allowed in the parameter list.');
      return;
    }
    bindings.set(key, { local: property.value.name, node: property });
  }
}

export { position as positionOf };
