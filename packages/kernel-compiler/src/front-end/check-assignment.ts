// Assignments, compound assignments and ++/--: what may be assigned to, and the conversion back to the target's type.
import type { AssignmentExpression, MemberExpression, Node, UpdateExpression } from 'acorn';
import type { BinaryOperator, Expression } from '../ir';
import { arithmeticResult, describeType, isFloat, promoted, scalar } from '../types';
import type { CheckContext } from './check-context';
import { bitwiseOperators, shiftOperators } from './check-operators';
import { member } from './check-view-access';
import { coerce, scalarOf } from './conversions';

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

export function assignment(context: CheckContext, node: AssignmentExpression): Expression {
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

export function update(context: CheckContext, node: UpdateExpression): Expression {
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
