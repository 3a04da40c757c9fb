// Binary, logical and unary operators: C's arithmetic conversions, integer wrapping, and what each operator accepts.
import type { BinaryExpression, LogicalExpression, Node, UnaryExpression } from 'acorn';
import type { BinaryOperator, CompareOperator, Expression } from '../ir';
import { arithmeticResult, isFloat, isInteger, promoted, type ScalarType, scalar } from '../types';
import type { CheckContext } from './check-context';
import { isNumericLiteral, literal } from './check-literals';
import { coerce, condition, scalarOf } from './conversions';

const arithmeticOperators = new Set(['+', '-', '*', '/', '%']);
export const bitwiseOperators = new Set(['&', '|', '^']);
export const shiftOperators = new Set(['<<', '>>', '>>>']);
const compareOperators: Record<string, CompareOperator> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '===': '==',
  '==': '==',
  '!==': '!=',
  '!=': '!=',
};

/** Checks both operands, letting a literal take its type from the other side (integer literals adapt; `x * 0.5` stays f32 for f32 x). */
export function operands(
  context: CheckContext,
  left: Node,
  right: Node,
  expected: ScalarType | undefined,
): [Expression, Expression] {
  const leftLiteral = isNumericLiteral(left);
  const rightLiteral = isNumericLiteral(right);
  if (leftLiteral && !rightLiteral) {
    const checkedRight = context.checkExpression(right, expected);
    return [context.checkExpression(left, scalarOf(context, right, checkedRight, 'an operand')), checkedRight];
  }
  const checkedLeft = context.checkExpression(left, leftLiteral ? expected : undefined);
  if (rightLiteral)
    return [checkedLeft, context.checkExpression(right, scalarOf(context, left, checkedLeft, 'an operand'))];
  return [checkedLeft, context.checkExpression(right)];
}

export function binary(context: CheckContext, node: BinaryExpression, expected: ScalarType | undefined): Expression {
  const operator = node.operator;
  if (operator === 'in' || operator === 'instanceof')
    context.fail(node, `'${operator}' is not in the kernel language.`);
  if (node.left.type === 'PrivateIdentifier') context.fail(node.left, 'private names are not in the kernel language.');
  if (
    operator === '/' &&
    node.left.type === 'Literal' &&
    node.right.type === 'Literal' &&
    typeof node.left.value === 'number' &&
    typeof node.right.value === 'number'
  ) {
    // A constant: minifiers write Infinity as 1/0. Folded with JavaScript's value, which is what the source meant.
    return { kind: 'literal', type: scalar('f64'), value: node.left.value / node.right.value };
  }
  const [left, right] = operands(context, node.left, node.right, expected);
  if (operator === '**') {
    // a ** b is Math.pow(a, b) (tools such as Biome rewrite one into the other).
    const bothF32 =
      scalarOf(context, node.left, left, "the base of '**'") === 'f32' &&
      scalarOf(context, node.right, right, "the exponent of '**'") === 'f32';
    const floatType = bothF32 ? 'f32' : 'f64';
    return {
      kind: 'math',
      type: scalar(floatType),
      function: 'pow',
      arguments: [
        coerce(context, node.left, left, floatType, "the base of '**'"),
        coerce(context, node.right, right, floatType, "the exponent of '**'"),
      ],
    };
  }
  const leftType = scalarOf(context, node.left, left, `the left operand of '${operator}'`);
  const rightType = scalarOf(context, node.right, right, `the right operand of '${operator}'`);

  const compare = compareOperators[operator];
  if (compare) {
    const common = leftType === 'bool' && rightType === 'bool' ? 'bool' : arithmeticResult(leftType, rightType);
    return {
      kind: 'compare',
      type: scalar('bool'),
      operator: compare,
      left: coerce(context, node.left, left, common, 'a comparison'),
      right: coerce(context, node.right, right, common, 'a comparison'),
    };
  }
  if (arithmeticOperators.has(operator)) {
    const type = arithmeticResult(leftType, rightType);
    if (operator === '/' && !isFloat(type)) {
      context.fail(
        node,
        `'/' between integers (${leftType} / ${rightType}) is not allowed, because JavaScript divides exactly and C truncates; write Math.trunc(a / b) for integer division, or convert an operand to f32/f64 with acc.f64(…).`,
      );
    }
    return {
      kind: 'binary',
      type: scalar(type),
      operator: operator as BinaryOperator,
      left: coerce(context, node.left, left, type, 'an operand'),
      right: coerce(context, node.right, right, type, 'an operand'),
    };
  }
  if (bitwiseOperators.has(operator) || shiftOperators.has(operator)) {
    if (!isInteger(leftType) && leftType !== 'bool')
      context.fail(
        node.left,
        `'${operator}' needs integer operands, but the left one is ${leftType}; convert it with acc.i32(…) or acc.u32(…).`,
      );
    if (!isInteger(rightType) && rightType !== 'bool')
      context.fail(
        node.right,
        `'${operator}' needs integer operands, but the right one is ${rightType}; convert it with acc.i32(…) or acc.u32(…).`,
      );
    if (shiftOperators.has(operator)) {
      // The result has the promoted type of the left operand; '>>>' is a logical shift, so it yields u32.
      const type = operator === '>>>' ? 'u32' : promoted(leftType);
      return {
        kind: 'binary',
        type: scalar(type),
        operator: operator as BinaryOperator,
        left: coerce(context, node.left, left, type, 'a shifted value'),
        right: coerce(context, node.right, right, 'u32', 'a shift count'),
      };
    }
    const type = arithmeticResult(leftType, rightType);
    return {
      kind: 'binary',
      type: scalar(type),
      operator: operator as BinaryOperator,
      left: coerce(context, node.left, left, type, 'an operand'),
      right: coerce(context, node.right, right, type, 'an operand'),
    };
  }
  return context.fail(node, `the operator '${operator}' is not in the kernel language.`);
}

export function logical(context: CheckContext, node: LogicalExpression): Expression {
  if (node.operator === '??')
    context.fail(node, "'??' is not in the kernel language: kernel values are never null or undefined.");
  const left = condition(context, node.left, context.checkExpression(node.left));
  const right = condition(context, node.right, context.checkExpression(node.right));
  return { kind: 'logical', type: scalar('bool'), operator: node.operator as '&&' | '||', left, right };
}

export function unary(context: CheckContext, node: UnaryExpression, expected: ScalarType | undefined): Expression {
  const { operator } = node;
  if (operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
    const inner = literal(context, node.argument, expected);
    if (inner.kind === 'literal') return { ...inner, value: -inner.value };
    return inner;
  }
  if (operator === '!')
    return {
      kind: 'unary',
      type: scalar('bool'),
      operator: '!',
      operand: condition(context, node.argument, context.checkExpression(node.argument)),
    };
  if (operator !== '-' && operator !== '+' && operator !== '~')
    context.fail(node, `'${operator}' is not in the kernel language.`);
  const operand = context.checkExpression(node.argument, expected);
  const type = scalarOf(context, node.argument, operand, `the operand of '${operator}'`);
  if (operator === '~' && !isInteger(type) && type !== 'bool')
    context.fail(node, `'~' needs an integer operand, not ${type}.`);
  const result = promoted(type === 'bool' ? 'i32' : type);
  const converted = coerce(context, node.argument, operand, result, 'an operand');
  if (operator === '+') return converted;
  return { kind: 'unary', type: scalar(result), operator, operand: converted };
}
