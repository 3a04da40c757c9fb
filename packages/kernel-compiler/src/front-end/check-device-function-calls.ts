// Calls of the device functions a kernel is given: arguments checked against their signatures.
import type { CallExpression } from 'acorn';
import type { Expression } from '../ir';
import { describeType, scalar, type ValueType } from '../types';
import { expectArguments } from './call-arguments';
import type { CheckContext } from './check-context';
import { coerce } from './conversions';

export function deviceFunctionCall(
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
