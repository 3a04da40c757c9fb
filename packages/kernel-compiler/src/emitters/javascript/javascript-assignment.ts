import type { Expression } from '../../ir';
import { checkedWrite } from './javascript-bounds';
import { JavaScriptExpressions } from './javascript-expressions';
import { binaryCode, convertCode, isSideEffectFree, scalarOf } from './javascript-operators';

/** Assignments, compound ones computed in C's promoted type and stored back through the typed array's conversion. */
export abstract class JavaScriptAssignment extends JavaScriptExpressions {
  protected assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    const { target: targetExpression } = expression;
    if (this.boundsChecks && targetExpression.kind === 'index') {
      // The element's reference is written once, inside the range test; the unchecked form is built on it.
      const array = this.expression(targetExpression.array);
      const index = this.expression(targetExpression.index);
      const site = this.site(targetExpression.array, targetExpression.index);
      const value = this.expression(expression.value);
      return checkedWrite(
        array,
        index,
        site,
        (element) => this.assignmentTo(expression, element, valueUsed),
        `${value}, 0`,
      );
    }
    // Written to, so never the load's `?? 0` form: a plain element reference.
    const target =
      targetExpression.kind === 'index'
        ? `${this.expression(targetExpression.array)}[${this.expression(targetExpression.index)}]`
        : this.expression(targetExpression);
    return this.assignmentTo(expression, target, valueUsed);
  }

  protected assignmentTo(
    expression: Extract<Expression, { kind: 'assign' }>,
    target: string,
    valueUsed: boolean,
  ): string {
    const targetType = scalarOf(expression.type);
    if (expression.operator === '=') return `(${target} = ${this.expression(expression.value)})`;
    if (
      expression.target.kind === 'index' &&
      (!isSideEffectFree(expression.target.index) || !isSideEffectFree(expression.target.array))
    ) {
      throw new Error(
        `kernel '${this.ir.name}': a compound assignment to an array element needs an index without side effects; compute the index into a const first.`,
      );
    }
    const valueType = scalarOf(expression.value.type);
    const computeType =
      expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>'
        ? targetType === 'u32'
          ? 'u32'
          : 'i32'
        : valueType;
    const computed = binaryCode(
      expression.operator,
      convertCode(target, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const stored = `${target} = ${convertCode(computed, computeType, targetType)}`;
    if (expression.returnsOld && valueUsed) return `($$old = ${target}, ${stored}, $$old)`;
    return `(${stored})`;
  }
}
