import type { CallExpression } from 'acorn';
import type { Expression, WarpOperation } from '../ir';
import type { ScalarType } from '../types';
import { accMethod, warp, warpOperations } from './check-acc-calls';
import type { CheckContext } from './check-context';
import { deviceFunctionCall } from './check-device-function-calls';
import { mathFunction } from './check-math-calls';
import { matrixCoefficient } from './check-view-access';

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
