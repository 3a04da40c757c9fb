import type { Expression } from '../../ir';
import type { ScalarType } from '../../types';
import { CppExpressions } from './cpp-expressions';
import { scalarOf } from './cpp-names';
import { binary, convert } from './cpp-operators';

/** Assignments, compound ones computed in C's promoted type and converted back as JavaScript's typed arrays do. */
export abstract class CppAssignment extends CppExpressions {
  protected assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    if (this.boundsChecks && expression.target.kind === 'index') return this.checkedAssignment(expression, valueUsed);
    const target = this.expression(expression.target);
    const targetType = scalarOf(expression.type);
    if (expression.operator === '=') return `(${target} = ${this.expression(expression.value)})`;
    const valueType = scalarOf(expression.value.type);
    const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
    const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
    const computed = binary(
      expression.operator,
      convert(target, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const newValue = convert(computed, computeType, targetType);
    if (expression.returnsOld && valueUsed) return `alpaka_exchange(${target}, ${newValue})`;
    return `(${target} = ${newValue})`;
  }

  /** An assignment to an array element, bounds-checked: a dropped store, and 0 for a skipped read. */
  protected checkedAssignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    const target = expression.target as Extract<Expression, { kind: 'index' }>;
    const targetType = scalarOf(expression.type);
    const store = (value: string) =>
      `alpaka_bounded_store(${this.boundedArguments(target.array, target.index)}, ${value})`;
    if (expression.operator === '=') return store(this.expression(expression.value));
    const valueType = scalarOf(expression.value.type);
    const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
    const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
    const current = `alpaka_bounded_load(${this.boundedArguments(target.array, target.index)})`;
    const computed = binary(
      expression.operator,
      convert(current, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const newValue = convert(computed, computeType, targetType);
    if (expression.returnsOld && valueUsed)
      return `alpaka_bounded_exchange(${this.boundedArguments(target.array, target.index)}, ${newValue})`;
    return store(newValue);
  }
}
