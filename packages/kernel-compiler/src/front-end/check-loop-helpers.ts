import type { CallExpression, ForOfStatement, Node } from 'acorn';
import type { Expression, Statement } from '../ir';
import { isLoopHelper, loopHelperAxes } from '../loop-helpers';
import type { ValueType } from '../types';
import { expectArguments } from './call-arguments';
import type { CheckContext } from './check-context';
import { accMethodOf, integerLiteral, u32Argument } from './statement-arguments';

/**
 * `for (const i of acc.uniformElements(n)) { … }` and the other loop helpers. `checkBody` checks the loop's body
 * (check-statements.ts passes its own, so this file need not import it: no import cycle).
 */
export function loopHelper(
  context: CheckContext,
  node: ForOfStatement,
  checkBody: (context: CheckContext, node: Node) => Statement[],
): Statement {
  context.requireKernel(
    node,
    'an acc loop helper',
    'loop over the elements in the kernel and pass each index in as an argument.',
  );
  const left = node.left;
  if (
    left.type !== 'VariableDeclaration' ||
    left.declarations.length !== 1 ||
    left.declarations[0]?.id.type !== 'Identifier'
  ) {
    return context.fail(left, 'write for (const i of acc.uniformElements(n)) with one new variable.');
  }
  const variable = (left.declarations[0].id as { name: string }).name;
  const helper = accMethodOf(context, node.right);
  const call = node.right as CallExpression;
  if (!isLoopHelper(helper)) {
    return context.fail(
      node.right,
      'for…of loops in a kernel run over an acc loop helper: acc.uniformElements, uniformElementsAlong, uniformElementsND, uniformGroups, uniformGroupElements, independentGroups or independentGroupElements.',
    );
  }
  if (node.await) context.fail(node, "'for await' is not in the kernel language.");
  if (loopHelperAxes[helper] === 'first' && context.dimension !== 1) {
    context.fail(
      node.right,
      `acc.${helper} needs a 1-dimensional work division; this launch has ${context.dimension} dimensions (use uniformElementsAlong or uniformElementsND).`,
    );
  }
  let args: Expression[];
  let axis = 0;
  let variableType: ValueType = { kind: 'scalar', scalar: 'u32' };
  switch (helper) {
    case 'uniformElements':
    case 'independentGroupElements':
      args = expectArguments(context, call, 1, 2, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      break;
    case 'uniformGroups':
    case 'independentGroups':
      args = expectArguments(context, call, 1, 1, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      break;
    case 'uniformGroupElements':
      args = expectArguments(context, call, 2, 2, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      variableType = { kind: 'elementIndex' };
      break;
    case 'uniformElementsAlong': {
      const [axisNode, ...rest] = expectArguments(context, call, 2, 3, 'acc.uniformElementsAlong');
      axis = integerLiteral(context, axisNode, 'the dimension of acc.uniformElementsAlong', call);
      if (axis < 0 || axis >= context.dimension)
        context.fail(axisNode, `dimension ${axis} is outside the ${context.dimension}-dimensional work division.`);
      args = rest.map((argument) => u32Argument(context, argument, 'an argument of acc.uniformElementsAlong'));
      break;
    }
    case 'uniformElementsND': {
      const [extentNode] = expectArguments(context, call, 1, 1, 'acc.uniformElementsND') as [Node];
      if (extentNode.type !== 'ArrayExpression')
        return context.fail(
          extentNode,
          'acc.uniformElementsND takes an array literal of extents: acc.uniformElementsND([rows, columns]).',
        );
      const components = (extentNode as unknown as { elements: Node[] }).elements;
      if (components.length !== context.dimension)
        context.fail(
          extentNode,
          `the extent has ${components.length} components; the work division has ${context.dimension}.`,
        );
      args = components.map((component) => u32Argument(context, component, 'an extent of acc.uniformElementsND'));
      variableType = { kind: 'vector', length: context.dimension };
      break;
    }
  }
  context.pushScope();
  context.declare(left, { name: variable, type: variableType, constant: left.kind === 'const', parameter: false });
  if (left.kind !== 'const') context.fail(left, 'the loop variable of an acc loop helper must be const.');
  context.loopDepth += 1;
  const body = checkBody(context, node.body);
  context.loopDepth -= 1;
  context.popScope();
  return { kind: 'loopHelper', helper, variable, variableType, dimension: axis, arguments: args, body };
}
