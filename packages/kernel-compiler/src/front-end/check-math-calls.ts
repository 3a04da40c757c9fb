// Math in a kernel: its constants, its functions (math-functions.ts lists them), and Math.trunc(a / b) as integer division.
import type { BinaryExpression, CallExpression, Node } from 'acorn';
import type { Expression } from '../ir';
import { mathFunctionNamed } from '../math-functions';
import { arithmeticResult, isFloat, isInteger, promoted, scalar } from '../types';
import { expectArguments } from './call-arguments';
import type { CheckContext } from './check-context';
import { coerce, scalarOf } from './conversions';

function integerDivision(context: CheckContext, node: BinaryExpression): Expression | undefined {
  if (node.operator !== '/') return undefined;
  const left = context.checkExpression(node.left);
  const right = context.checkExpression(node.right);
  const leftType = scalarOf(context, node.left, left, 'the dividend');
  const rightType = scalarOf(context, node.right, right, 'the divisor');
  const type = arithmeticResult(leftType, rightType);
  if (isFloat(type)) return undefined;
  return {
    kind: 'integerDivide',
    type: scalar(type),
    left: coerce(context, node.left, left, type, 'the dividend'),
    right: coerce(context, node.right, right, type, 'the divisor'),
  };
}

export function mathFunction(context: CheckContext, node: CallExpression, name: string): Expression {
  const call = `Math.${name}`;
  if (name === 'trunc' && node.arguments.length === 1 && node.arguments[0]?.type === 'BinaryExpression') {
    const divided = integerDivision(context, node.arguments[0]);
    if (divided) return divided;
  }
  const facts = mathFunctionNamed(name);
  const floatOf = (argument: Expression, argumentNode: Node): Expression => {
    const type = scalarOf(context, argumentNode, argument, `the argument of ${call}`);
    return coerce(context, argumentNode, argument, isFloat(type) ? type : 'f64', `the argument of ${call}`);
  };
  if (facts?.arguments === 'float') {
    const [argumentNode] = expectArguments(context, node, 1, 1, call) as [Node];
    const argument = floatOf(context.checkExpression(argumentNode), argumentNode);
    return { kind: 'math', type: argument.type, function: name, arguments: [argument] };
  }
  if (facts?.arguments === 'keepsType') {
    const [argumentNode] = expectArguments(context, node, 1, 1, call) as [Node];
    const argument = context.checkExpression(argumentNode);
    const type = promoted(scalarOf(context, argumentNode, argument, `the argument of ${call}`));
    return {
      kind: 'math',
      type: scalar(type),
      function: name,
      arguments: [coerce(context, argumentNode, argument, type, `the argument of ${call}`)],
    };
  }
  if (facts?.arguments === 'minMax' || facts?.arguments === 'float2' || facts?.arguments === 'floatN') {
    const fixed = facts.arguments === 'float2';
    const argumentNodes = expectArguments(context, node, 2, fixed ? 2 : 8, call);
    const checked = argumentNodes.map((argumentNode) => context.checkExpression(argumentNode));
    let type = checked
      .map((argument, index) => scalarOf(context, argumentNodes[index] as Node, argument, `an argument of ${call}`))
      .reduce(arithmeticResult);
    if (facts.arguments !== 'minMax' && !isFloat(type)) type = 'f64';
    const args = checked.map((argument, index) =>
      coerce(context, argumentNodes[index] as Node, argument, type, `an argument of ${call}`),
    );
    return { kind: 'math', type: scalar(type), function: name, arguments: args };
  }
  if (name === 'fround') {
    const [argumentNode] = expectArguments(context, node, 1, 1, call) as [Node];
    return {
      kind: 'convert',
      type: scalar('f32'),
      value: floatOf(context.checkExpression(argumentNode), argumentNode),
    };
  }
  if (facts?.arguments === 'integer') {
    const argumentNodes = expectArguments(context, node, name === 'imul' ? 2 : 1, name === 'imul' ? 2 : 1, call);
    const args = argumentNodes.map((argumentNode) => {
      const argument = context.checkExpression(argumentNode, 'i32');
      const type = scalarOf(context, argumentNode, argument, `an argument of ${call}`);
      if (!isInteger(type) && type !== 'bool')
        context.fail(argumentNode, `${call} needs integer arguments; convert with acc.i32(…).`);
      return coerce(context, argumentNode, argument, name === 'clz32' ? 'u32' : 'i32', `an argument of ${call}`);
    });
    return { kind: 'math', type: scalar('i32'), function: name, arguments: args };
  }
  if (name === 'random')
    return context.fail(
      node,
      'Math.random is not available in kernels: it has no device equivalent and would make results differ between backends.',
    );
  return context.fail(node, `${call} is not in the kernel language.`);
}

export const mathConstants: Record<string, number> = {
  PI: Math.PI,
  E: Math.E,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};
