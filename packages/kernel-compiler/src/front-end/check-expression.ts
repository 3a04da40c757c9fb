import type {
  AssignmentExpression,
  BinaryExpression,
  Expression as EstreeExpression,
  Literal,
  LogicalExpression,
  MemberExpression,
  Node,
  UnaryExpression,
  UpdateExpression,
} from 'acorn';
import type { BinaryOperator, CompareOperator, Expression } from '../ir';
import {
  arithmeticResult,
  describeType,
  isFloat,
  isInteger,
  promoted,
  type ScalarType,
  scalar,
  type ValueType,
} from '../types';
import { checkCall } from './check-calls';
import type { CheckContext } from './check-context';
import { coerce, condition, scalarOf } from './conversions';

const mathConstants: Record<string, number> = {
  PI: Math.PI,
  E: Math.E,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};

const arithmeticOperators = new Set(['+', '-', '*', '/', '%']);
const bitwiseOperators = new Set(['&', '|', '^']);
const shiftOperators = new Set(['<<', '>>', '>>>']);
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

function literal(context: CheckContext, node: Literal, expected: ScalarType | undefined): Expression {
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

/** Checks both operands, letting a literal take its type from the other side (integer literals adapt; `x * 0.5` stays f32 for f32 x). */
function operands(
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

function binary(context: CheckContext, node: BinaryExpression, expected: ScalarType | undefined): Expression {
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

function logical(context: CheckContext, node: LogicalExpression): Expression {
  if (node.operator === '??')
    context.fail(node, "'??' is not in the kernel language: kernel values are never null or undefined.");
  const left = condition(context, node.left, context.checkExpression(node.left));
  const right = condition(context, node.right, context.checkExpression(node.right));
  return { kind: 'logical', type: scalar('bool'), operator: node.operator as '&&' | '||', left, right };
}

function unary(context: CheckContext, node: UnaryExpression, expected: ScalarType | undefined): Expression {
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

/** `v.x` (a column or array column, as an array), `v.r` (a scalar, as a value), `v.size`. */
function viewMember(
  context: CheckContext,
  node: MemberExpression,
  base: Expression,
  type: Extract<ValueType, { kind: 'view' }>,
): Expression {
  const name = !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
  if (name === undefined) return context.fail(node, `a view's fields are read by name (v.x), not by computed keys.`);
  if (name === 'size') return { kind: 'viewSize', type: scalar('u32'), view: base };
  const field = type.layout.fields.find((candidate) => candidate.name === name);
  if (!field) {
    return context.fail(
      node,
      `'${type.layout.name}' has no field '${name}'; its fields are ${type.layout.fields.map((candidate) => candidate.name).join(', ')} (and size).`,
    );
  }
  if (field.kind === 'matrixColumn') {
    return context.fail(
      node,
      `'${name}' is a matrix column: read coefficient (row, column) of element i as ${name}(row, column)[i].`,
    );
  }
  const array: Expression = {
    kind: 'viewField',
    type: { kind: 'array', element: field.element, access: type.access, space: 'global' },
    view: base,
    field: name,
    coefficient: undefined,
  };
  if (field.kind !== 'scalar') return array;
  return {
    kind: 'index',
    type: scalar(field.element),
    array,
    index: { kind: 'literal', type: scalar('u32'), value: 0 },
  };
}

function member(context: CheckContext, node: MemberExpression): Expression {
  if (
    node.object.type === 'Identifier' &&
    node.object.name === 'Math' &&
    !node.computed &&
    node.property.type === 'Identifier'
  ) {
    const value = mathConstants[node.property.name];
    if (value === undefined)
      context.fail(
        node,
        `Math.${node.property.name} is not a constant; call Math functions as Math.${node.property.name}(…).`,
      );
    return { kind: 'literal', type: scalar('f64'), value };
  }
  if (node.object.type === 'Super') return context.fail(node, "'super' is not in the kernel language.");
  const base = context.checkExpression(node.object);
  if (base.type.kind === 'view') return viewMember(context, node, base, base.type);
  if (!node.computed) {
    const name = node.property.type === 'Identifier' ? node.property.name : '?';
    if (base.type.kind === 'elementIndex' && (name === 'global' || name === 'local'))
      return { kind: 'field', type: scalar('u32'), base, field: name };
    if (name === 'length' && base.type.kind === 'array')
      context.fail(
        node,
        'arrays have no length inside a kernel (devices see pointers); pass the length as a u32 parameter.',
      );
    return context.fail(node, `'.${name}' is not available on ${describeType(base.type)}.`);
  }
  const index = context.checkExpression(node.property, 'u32');
  const indexType = scalarOf(context, node.property, index, 'an index');
  if (!isInteger(indexType))
    context.fail(node.property, `an index must be an integer, not ${indexType}; convert it with acc.u32(…).`);
  if (base.type.kind === 'array') return { kind: 'index', type: scalar(base.type.element), array: base, index };
  if (base.type.kind === 'vector') return { kind: 'component', type: scalar('u32'), base, index };
  return context.fail(node, `${describeType(base.type)} cannot be indexed.`);
}

/** The target of an assignment or update: a writable local or an element of a writable array. */
function target(context: CheckContext, node: Node): Expression {
  if (node.type === 'Identifier') {
    const name = (node as unknown as { name: string }).name;
    const binding = context.lookup(name);
    if (!binding) return context.fail(node, `'${name}' is not declared.`);
    if (binding.constant)
      context.fail(
        node,
        `'${name}' is ${binding.parameter ? 'a parameter of the kernel' : 'a const'} and cannot be assigned; copy it into a let.`,
      );
    if (binding.type.kind !== 'scalar')
      context.fail(node, `'${name}' (${describeType(binding.type)}) cannot be reassigned.`);
    return { kind: 'variable', type: binding.type, name: binding.name };
  }
  if (node.type === 'MemberExpression') {
    const checked = member(context, node as MemberExpression);
    if (checked.kind !== 'index') return context.fail(node, 'only array elements and let variables can be assigned.');
    if (
      checked.array.kind === 'viewField' &&
      checked.array.type.kind === 'array' &&
      checked.array.type.access === 'in'
    ) {
      context.fail(
        node,
        `the view is declared 'in' (a const view) in the signature; declare it view(Layout) or view(Layout, 'out') to write to it.`,
      );
    }
    if (checked.array.type.kind === 'array' && checked.array.type.access === 'in') {
      context.fail(
        node,
        `the array is declared 'in' (read-only) in the signature; declare it array(type) or array(type, 'out') to write to it.`,
      );
    }
    return checked;
  }
  return context.fail(node, 'only array elements and let variables can be assigned (no destructuring assignments).');
}

function assignment(context: CheckContext, node: AssignmentExpression): Expression {
  const destination = target(context, node.left);
  const type = scalarOf(context, node.left, destination, 'an assignment target');
  if (node.operator === '=') {
    const value = context.checkExpression(node.right, type);
    return {
      kind: 'assign',
      type: scalar(type),
      target: destination,
      operator: '=',
      value: coerce(context, node.right, value, type, 'the assigned value'),
      prefix: true,
      returnsOld: false,
    };
  }
  const operator = node.operator.slice(0, -1);
  if (operator === '**' || operator === '??' || operator === '&&' || operator === '||')
    context.fail(node, `'${node.operator}' is not in the kernel language.`);
  const value = context.checkExpression(node.right, type);
  const valueType = scalarOf(context, node.right, value, 'the right-hand side');
  const computeType = shiftOperators.has(operator) ? promoted(type) : arithmeticResult(type, valueType);
  if (operator === '/' && !isFloat(computeType)) {
    context.fail(
      node,
      `'/=' on integers is not allowed (C truncates, JavaScript does not); write x = Math.trunc(x / y).`,
    );
  }
  if ((bitwiseOperators.has(operator) || shiftOperators.has(operator)) && (isFloat(type) || isFloat(valueType)))
    context.fail(node, `'${node.operator}' needs integer operands.`);
  if (isFloat(computeType) && !isFloat(type)) {
    context.fail(
      node,
      `'${node.operator}' would compute in ${computeType} and store into ${type}, dropping the fraction; convert explicitly: x = acc.${type}(x ${operator} y).`,
    );
  }
  const right = shiftOperators.has(operator)
    ? coerce(context, node.right, value, 'u32', 'a shift count')
    : coerce(context, node.right, value, computeType, 'the right-hand side');
  return {
    kind: 'assign',
    type: scalar(type),
    target: destination,
    operator: operator as BinaryOperator,
    value: right,
    prefix: true,
    returnsOld: false,
  };
}

function update(context: CheckContext, node: UpdateExpression): Expression {
  const destination = target(context, node.argument);
  const type = scalarOf(context, node.argument, destination, `the operand of '${node.operator}'`);
  if (type === 'bool') context.fail(node, `'${node.operator}' on a bool is not allowed.`);
  const one: Expression = { kind: 'literal', type: scalar(promoted(type)), value: 1 };
  return {
    kind: 'assign',
    type: scalar(type),
    target: destination,
    operator: node.operator === '++' ? '+' : '-',
    value: one,
    prefix: node.prefix,
    returnsOld: !node.prefix,
  };
}

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
