// Member access: Math constants, and a view's fields, sizes and matrix coefficients.
import type { CallExpression, MemberExpression, Node } from 'acorn';
import type { Expression } from '../ir';
import { describeType, isInteger, scalar, type ValueType } from '../types';
import { expectArguments } from './call-arguments';
import type { Binding, CheckContext } from './check-context';
import { mathConstants } from './check-math-calls';
import { coerce, scalarOf } from './conversions';

/** `v.m(row, column)`: coefficient (row, column) of matrix column m, as an array over the elements. */
export function matrixCoefficient(
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

export function member(context: CheckContext, node: MemberExpression): Expression {
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
