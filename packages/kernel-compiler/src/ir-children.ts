import type { Expression } from './ir';

/**
 * The expressions an expression is made of, in evaluation order: what an analysis over the IR walks into. Written
 * as one switch over every kind, so that a new kind of expression fails to compile here until it is listed.
 */
export function childExpressions(expression: Expression): readonly Expression[] {
  switch (expression.kind) {
    case 'literal':
    case 'variable':
    case 'index3':
    case 'once':
      return [];
    case 'component':
      return [expression.base, expression.index];
    case 'field':
      return [expression.base];
    case 'index':
      return [expression.array, expression.index];
    case 'viewField':
      return expression.coefficient ? [expression.view, expression.coefficient] : [expression.view];
    case 'viewSize':
      return [expression.view];
    case 'binary':
    case 'integerDivide':
    case 'compare':
    case 'logical':
      return [expression.left, expression.right];
    case 'unary':
      return [expression.operand];
    case 'conditional':
      return [expression.test, expression.consequent, expression.alternate];
    case 'convert':
      return [expression.value];
    case 'math':
    case 'warp':
    case 'call':
      return expression.arguments;
    case 'syncPredicate':
      return [expression.predicate];
    case 'atomic':
      return [expression.array, expression.index, ...expression.operands];
    case 'sequence':
      return expression.expressions;
    case 'vectorLiteral':
      return expression.components;
    case 'assign':
      return [expression.target, expression.value];
  }
}
