import type { Expression as EstreeExpression, Node } from 'acorn';
import type { Expression } from '../ir';
import { arithmeticResult, isFloat, type ScalarType, scalar } from '../types';
import { assignment, update } from './check-assignment';
import { checkCall } from './check-calls';
import type { CheckContext } from './check-context';
import { literal } from './check-literals';
import { binary, logical, operands, unary } from './check-operators';
import { member } from './check-view-access';
import { coerce, condition, scalarOf } from './conversions';

/** Checks one expression; `expected` is the scalar type the context wants, which integer literals adopt. */
export function checkExpressionNode(context: CheckContext, node: Node, expected?: ScalarType): Expression {
  const expression = node as EstreeExpression;
  switch (expression.type) {
    case 'Literal':
      return literal(context, expression, expected);
    case 'Identifier': {
      if (expression.name === 'Infinity' || expression.name === 'NaN') {
        return {
          kind: 'literal',
          type: scalar(expected && isFloat(expected) ? expected : 'f64'),
          value: expression.name === 'NaN' ? Number.NaN : Number.POSITIVE_INFINITY,
        };
      }
      if (expression.name === context.accName)
        context.fail(
          expression,
          `the accelerator '${expression.name}' can only be used to call its methods (${expression.name}.uniformElements(…), …).`,
        );
      const binding = context.lookup(expression.name);
      if (!binding) {
        return context.fail(
          expression,
          `'${expression.name}' is not defined in the kernel: a kernel reads only its parameters, its own locals, Math and literals. Pass '${expression.name}' in as a parameter (add it to the signature, or use constant(type) for a value fixed at compile time).`,
        );
      }
      if (binding.value !== undefined) return { kind: 'literal', type: binding.type, value: binding.value };
      return { kind: 'variable', type: binding.type, name: binding.name };
    }
    case 'BinaryExpression':
      return binary(context, expression, expected);
    case 'LogicalExpression':
      return logical(context, expression);
    case 'UnaryExpression':
      return unary(context, expression, expected);
    case 'UpdateExpression':
      return update(context, expression);
    case 'AssignmentExpression':
      return assignment(context, expression);
    case 'ConditionalExpression': {
      const test = condition(context, expression.test, context.checkExpression(expression.test));
      const [consequent, alternate] = operands(context, expression.consequent, expression.alternate, expected);
      const common = arithmeticResult(
        scalarOf(context, expression.consequent, consequent, 'a branch'),
        scalarOf(context, expression.alternate, alternate, 'a branch'),
      );
      const bothBool =
        consequent.type.kind === 'scalar' &&
        consequent.type.scalar === 'bool' &&
        alternate.type.kind === 'scalar' &&
        alternate.type.scalar === 'bool';
      const type = bothBool ? 'bool' : common;
      return {
        kind: 'conditional',
        type: scalar(type),
        test,
        consequent: coerce(context, expression.consequent, consequent, type, 'a branch'),
        alternate: coerce(context, expression.alternate, alternate, type, 'a branch'),
      };
    }
    case 'MemberExpression':
      return member(context, expression);
    case 'CallExpression':
      return checkCall(context, expression, expected);
    case 'ParenthesizedExpression':
      return context.checkExpression(expression.expression, expected);
    case 'ThisExpression':
      return context.fail(expression, "'this' is not available in a kernel: it reads only its parameters and locals.");
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return context.fail(
        expression,
        'functions cannot be declared inside a kernel (no closures); declare a device function and pass it in.',
      );
    case 'ArrayExpression':
      return context.fail(
        expression,
        'array literals appear only as the extent of acc.uniformElementsND([…]); use acc.sharedArray for block memory.',
      );
    case 'ObjectExpression':
      return context.fail(expression, 'objects are not in the kernel language; pass arrays and numbers as parameters.');
    case 'TemplateLiteral':
      return context.fail(expression, 'strings are not in the kernel language.');
    case 'AwaitExpression':
    case 'YieldExpression':
      return context.fail(
        expression,
        `'${expression.type === 'AwaitExpression' ? 'await' : 'yield'}' is not in the kernel language.`,
      );
    case 'NewExpression':
      return context.fail(
        expression,
        "'new' is not in the kernel language: kernels allocate nothing (use acc.sharedArray for block memory).",
      );
    case 'SequenceExpression': {
      const parts = expression.expressions.map((part) => context.checkExpression(part));
      const last = parts[parts.length - 1];
      if (!last) return context.fail(expression, 'an empty comma expression');
      return { kind: 'sequence', type: last.type, expressions: parts };
    }
    default:
      return context.fail(expression, `${expression.type} is not in the kernel language.`);
  }
}
