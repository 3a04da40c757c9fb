// Calls of the accelerator's methods: index queries, atomics, warp operations, casts, and acc methods used wrongly.
import type { Hierarchy, Origin, Unit } from '@alpaka-ts/interface';
import { elementTypes } from '@alpaka-ts/interface';
import type { CallExpression, Node } from 'acorn';
import type { AtomicOperation, Expression, WarpOperation } from '../ir';
import { isLoopHelper } from '../loop-helpers';
import { describeType, isFloat, promoted, type ScalarType, scalar } from '../types';
import { expectArguments, literalArgument } from './call-arguments';
import type { CheckContext } from './check-context';
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
export const warpOperations = new Set<WarpOperation>([
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

export function warp(context: CheckContext, node: CallExpression, operation: WarpOperation): Expression {
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

export function accMethod(
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
