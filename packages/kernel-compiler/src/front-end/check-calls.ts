import type { Hierarchy, Origin, Unit } from '@alpaka-ts/interface';
import { elementTypes } from '@alpaka-ts/interface';
import type { BinaryExpression, CallExpression, Literal, MemberExpression, Node } from 'acorn';
import type { AtomicOperation, Expression, WarpOperation } from '../ir';
import { isLoopHelper } from '../loop-helpers';
import { mathFunctionNamed } from '../math-functions';
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
import type { Binding, CheckContext } from './check-context';
import { coerce, condition, scalarOf } from './conversions';

const castNames = new Set(Object.keys(elementTypes));
const atomicOperations = new Set<AtomicOperation>([
  'Add',
  'Sub',
  'Min',
  'Max',
  'Exch',
  'Inc',
  'Dec',
  'And',
  'Or',
  'Xor',
  'Cas',
]);
const integerOnlyAtomics = new Set<AtomicOperation>(['Inc', 'Dec', 'And', 'Or', 'Xor']);
const atomicElementTypes = new Set<ScalarType>(['i32', 'u32', 'f32', 'f64']);
const warpOperations = new Set<WarpOperation>([
  'getSize',
  'activeMask',
  'all',
  'any',
  'ballot',
  'shfl',
  'shflUp',
  'shflDown',
  'shflXor',
]);
const statementOnly: Record<string, string> = {
  syncBlockThreads: 'acc.syncBlockThreads() is a statement on its own line.',
  memFence: "acc.memFence('block' | 'grid' | 'device') is a statement on its own line.",
  check: 'acc.check(condition, id) is a statement on its own line.',
  sharedArray: "declare shared memory as a const: const tile = acc.sharedArray('f32', 256);",
  dynamicSharedArray: "declare dynamic shared memory as a const: const buffer = acc.dynamicSharedArray('f32');",
};
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

const indexCombinations: Record<'getIdx' | 'getWorkDiv', Array<[Origin, Unit]>> = {
  getIdx: [
    ['grid', 'blocks'],
    ['block', 'threads'],
    ['grid', 'threads'],
  ],
  getWorkDiv: [
    ['grid', 'blocks'],
    ['block', 'threads'],
    ['thread', 'elems'],
    ['grid', 'threads'],
    ['block', 'elems'],
    ['grid', 'elems'],
  ],
};

function indexQuery(context: CheckContext, node: CallExpression, query: 'getIdx' | 'getWorkDiv'): Expression {
  const [originNode, unitNode] = expectArguments(context, node, 2, 2, `acc.${query}`);
  const origin = literalArgument<Origin>(context, originNode, ['grid', 'block', 'thread'], 'the origin', node);
  const unit = literalArgument<Unit>(context, unitNode, ['blocks', 'threads', 'elems'], 'the unit', node);
  if (!indexCombinations[query].some(([o, u]) => o === origin && u === unit)) {
    context.fail(
      node,
      `acc.${query}('${origin}', '${unit}') is not defined; use one of ${indexCombinations[query].map(([o, u]) => `('${o}', '${u}')`).join(', ')}.`,
    );
  }
  return { kind: 'index3', type: { kind: 'vector', length: context.dimension }, query, origin, unit };
}

function atomic(context: CheckContext, node: CallExpression, operation: AtomicOperation): Expression {
  const name = `acc.atomic${operation}`;
  const operandCount = operation === 'Cas' ? 2 : 1;
  const args = expectArguments(context, node, 2 + operandCount, 3 + operandCount, name);
  const [arrayNode, indexNode] = args as [Node, Node];
  const array = context.checkExpression(arrayNode);
  if (array.type.kind !== 'array')
    return context.fail(arrayNode, `${name} needs an array as its first argument, not ${describeType(array.type)}.`);
  if (array.type.access === 'in')
    context.fail(arrayNode, `${name} writes to the array, which the signature declares 'in' (read-only).`);
  const element = array.type.element;
  if (!atomicElementTypes.has(element))
    context.fail(arrayNode, `${name}: atomics work on i32, u32, f32 and f64 arrays, not ${element}.`);
  if (integerOnlyAtomics.has(operation) && isFloat(element)) {
    context.fail(
      node,
      `${name} works on integer arrays only; ${element} arrays support add, sub, min, max, exch and cas.`,
    );
  }
  const index = coerce(context, indexNode, context.checkExpression(indexNode, 'u32'), 'u32', `the index of ${name}`);
  const operands = args
    .slice(2, 2 + operandCount)
    .map((operandNode) =>
      coerce(context, operandNode, context.checkExpression(operandNode, element), element, `the operand of ${name}`),
    );
  const hierarchyNode = args[2 + operandCount];
  const hierarchy = hierarchyNode
    ? literalArgument<Hierarchy>(context, hierarchyNode, ['grid', 'block', 'threads'], 'the hierarchy', node)
    : 'grid';
  return { kind: 'atomic', type: scalar(element), operation, array, index, operands, hierarchy };
}

function warp(context: CheckContext, node: CallExpression, operation: WarpOperation): Expression {
  const name = `acc.warp.${operation}`;
  if (operation === 'getSize' || operation === 'activeMask') {
    expectArguments(context, node, 0, 0, name);
    return { kind: 'warp', type: scalar(operation === 'getSize' ? 'i32' : 'u32'), operation, arguments: [] };
  }
  if (operation === 'all' || operation === 'any' || operation === 'ballot') {
    const [predicateNode] = expectArguments(context, node, 1, 1, name) as [Node];
    const predicate = condition(context, predicateNode, context.checkExpression(predicateNode));
    return { kind: 'warp', type: scalar(operation === 'ballot' ? 'u32' : 'i32'), operation, arguments: [predicate] };
  }
  const [valueNode, laneNode, widthNode] = expectArguments(context, node, 2, 3, name) as [Node, Node, Node | undefined];
  const value = context.checkExpression(valueNode);
  const valueType = promoted(scalarOf(context, valueNode, value, `the value of ${name}`));
  const lane = coerce(context, laneNode, context.checkExpression(laneNode, 'i32'), 'i32', `the lane of ${name}`);
  const args = [coerce(context, valueNode, value, valueType, `the value of ${name}`), lane];
  if (widthNode)
    args.push(coerce(context, widthNode, context.checkExpression(widthNode, 'i32'), 'i32', `the width of ${name}`));
  return { kind: 'warp', type: scalar(valueType), operation, arguments: args };
}

const kernelOnlyMethods = new Set([
  'getIdx',
  'getWorkDiv',
  'oncePerGrid',
  'oncePerBlock',
  'syncBlockThreadsCount',
  'syncBlockThreadsAnd',
  'syncBlockThreadsOr',
]);

function accMethod(
  context: CheckContext,
  node: CallExpression,
  method: string,
  expected: ScalarType | undefined,
): Expression {
  if (kernelOnlyMethods.has(method))
    context.requireKernel(node, `acc.${method}`, 'compute it in the kernel and pass it in as an argument.');
  if (method === 'getIdx' || method === 'getWorkDiv') return indexQuery(context, node, method);
  if (method === 'oncePerGrid' || method === 'oncePerBlock') {
    expectArguments(context, node, 0, 0, `acc.${method}`);
    return { kind: 'once', type: scalar('bool'), scope: method === 'oncePerGrid' ? 'grid' : 'block' };
  }
  if (method === 'syncBlockThreadsCount' || method === 'syncBlockThreadsAnd' || method === 'syncBlockThreadsOr') {
    const [predicateNode] = expectArguments(context, node, 1, 1, `acc.${method}`) as [Node];
    const predicate = condition(context, predicateNode, context.checkExpression(predicateNode));
    const reduction = method === 'syncBlockThreadsCount' ? 'count' : method === 'syncBlockThreadsAnd' ? 'and' : 'or';
    return { kind: 'syncPredicate', type: scalar('i32'), reduction, predicate };
  }
  if (method.startsWith('atomic') && atomicOperations.has(method.slice(6) as AtomicOperation))
    return atomic(context, node, method.slice(6) as AtomicOperation);
  if (castNames.has(method)) {
    const [valueNode] = expectArguments(context, node, 1, 1, `acc.${method}`) as [Node];
    const value = context.checkExpression(valueNode, method as ScalarType);
    scalarOf(context, valueNode, value, `the argument of acc.${method}`);
    if (value.kind === 'literal')
      return {
        kind: 'literal',
        type: scalar(method as ScalarType),
        value: elementTypes[method as ScalarType].convert(value.value),
      };
    return { kind: 'convert', type: scalar(method as ScalarType), value };
  }
  const statement = statementOnly[method];
  if (statement) return context.fail(node, statement);
  if (isLoopHelper(method))
    return context.fail(node, `acc.${method}(…) is used as a loop: for (const i of acc.${method}(…)) { … }.`);
  void expected;
  return context.fail(node, `acc.${method} is not a method of the accelerator.`);
}

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

function mathFunction(context: CheckContext, node: CallExpression, name: string): Expression {
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

function deviceFunctionCall(
  context: CheckContext,
  node: CallExpression,
  type: Extract<ValueType, { kind: 'function' }>,
): Expression {
  const name = `device function '${type.name}'`;
  const args = expectArguments(context, node, type.parameters.length, type.parameters.length, name);
  const checked = args.map((argumentNode, index) => {
    const parameter = type.parameters[index] as ValueType;
    const value = context.checkExpression(argumentNode, parameter.kind === 'scalar' ? parameter.scalar : undefined);
    if (parameter.kind === 'scalar')
      return coerce(context, argumentNode, value, parameter.scalar, `argument ${index + 1} of ${name}`);
    if (parameter.kind === 'array') {
      if (value.type.kind !== 'array' || value.type.element !== parameter.element) {
        context.fail(
          argumentNode,
          `argument ${index + 1} of ${name} must be an array of ${parameter.element}, not ${describeType(value.type)}.`,
        );
      }
      if (value.type.access === 'in' && parameter.access !== 'in') {
        context.fail(
          argumentNode,
          `argument ${index + 1} of ${name} is written by the function, but the array is declared 'in' (read-only).`,
        );
      }
      return value;
    }
    if (parameter.kind === 'view') {
      if (value.type.kind !== 'view' || value.type.layout.id !== parameter.layout.id) {
        context.fail(
          argumentNode,
          `argument ${index + 1} of ${name} must be a view of '${parameter.layout.name}', not ${describeType(value.type)}.`,
        );
      }
      if (value.type.access === 'in' && parameter.access !== 'in') {
        context.fail(
          argumentNode,
          `argument ${index + 1} of ${name} is a view the function may write, but the view is declared 'in' (const).`,
        );
      }
      return value;
    }
    return context.fail(argumentNode, `argument ${index + 1} of ${name} has an unsupported type.`);
  });
  return {
    kind: 'call',
    type: type.returns === undefined ? { kind: 'void' } : scalar(type.returns),
    function: type.id,
    arguments: checked,
  };
}

/** `v.m(row, column)`: coefficient (row, column) of matrix column m, as an array over the elements. */
function matrixCoefficient(
  context: CheckContext,
  node: CallExpression,
  callee: MemberExpression,
  binding: Binding,
): Expression {
  const type = binding.type as Extract<ValueType, { kind: 'view' }>;
  const name = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '?';
  const field = type.layout.fields.find((candidate) => candidate.name === name);
  if (field?.kind !== 'matrixColumn') {
    return context.fail(
      node,
      `'${name}' of view '${binding.name}' cannot be called: only matrix columns are, as m(row, column)[i].`,
    );
  }
  const where = `${name}(row, column)`;
  const [rowNode, columnNode] = expectArguments(context, node, 2, 2, where) as [Node, Node];
  const index = (argumentNode: Node, limit: number, what: string): Expression => {
    const value = coerce(
      context,
      argumentNode,
      context.checkExpression(argumentNode, 'u32'),
      'u32',
      `the ${what} of ${where}`,
    );
    if (value.kind === 'literal' && (value.value < 0 || value.value >= limit))
      context.fail(argumentNode, `'${name}' has ${limit} ${what}s (0 … ${limit - 1}); ${value.value} is outside.`);
    return value;
  };
  const row = index(rowNode, field.rows, 'row');
  const column = index(columnNode, field.columns, 'column');
  const u32 = scalar('u32');
  const coefficient: Expression = {
    kind: 'binary',
    type: u32,
    operator: '+',
    left: {
      kind: 'binary',
      type: u32,
      operator: '*',
      left: column,
      right: { kind: 'literal', type: u32, value: field.rows },
    },
    right: row,
  };
  return {
    kind: 'viewField',
    type: { kind: 'array', element: field.element, access: type.access, space: 'global' },
    view: { kind: 'variable', type, name: binding.name },
    field: name,
    coefficient,
  };
}

export function checkCall(context: CheckContext, node: CallExpression, expected: ScalarType | undefined): Expression {
  const callee = node.callee;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const method = callee.property.name;
    if (callee.object.type === 'Identifier' && callee.object.name === context.accName)
      return accMethod(context, node, method, expected);
    if (callee.object.type === 'Identifier' && callee.object.name === 'Math')
      return mathFunction(context, node, method);
    const warpBase = callee.object;
    if (
      warpBase.type === 'MemberExpression' &&
      !warpBase.computed &&
      warpBase.object.type === 'Identifier' &&
      warpBase.object.name === context.accName &&
      warpBase.property.type === 'Identifier' &&
      warpBase.property.name === 'warp'
    ) {
      if (!warpOperations.has(method as WarpOperation))
        context.fail(node, `acc.warp.${method} is not a warp operation.`);
      return warp(context, node, method as WarpOperation);
    }
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    const binding = context.lookup(callee.object.name);
    if (binding?.type.kind === 'view') return matrixCoefficient(context, node, callee, binding);
  }
  if (callee.type === 'Identifier') {
    const binding = context.lookup(callee.name);
    if (binding?.type.kind === 'function') return deviceFunctionCall(context, node, binding.type);
    return context.fail(
      node,
      `'${callee.name}' cannot be called: a kernel calls only acc methods and Math functions (free functions are renamed by bundlers; helper device functions are passed in explicitly).`,
    );
  }
  return context.fail(node, 'only acc methods and Math functions can be called in a kernel.');
}
