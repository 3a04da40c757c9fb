import type { Expression, KernelIR } from '../../ir';
import { isFloat } from '../../types';
import { TextEmitter } from '../text-emitter';
import { checkedAtomic, checkedLoad, uncheckedLoad } from './javascript-bounds';
import {
  binaryCode,
  convertCode,
  formatNumber,
  generated,
  mathCode,
  scalarOf,
  vectorComponents,
  viewLocal,
  viewName,
  wrapInteger,
} from './javascript-operators';

/**
 * The JavaScript emitter's state and its expressions: index queries from the block loop's counters, typed-array
 * and view accesses (bounds-checked ones through javascript-bounds.ts), atomics as the $$atomic helpers, warp
 * operations of a one-thread warp. The layers above (assignment, loop helpers, statements, then JavaScriptEmitter
 * itself) each add one concept.
 */
export abstract class JavaScriptExpressions extends TextEmitter {
  constructor(
    protected readonly ir: KernelIR,
    protected readonly dimension: number,
    /** Emit the bounds-checked variant: the kernel function takes the bounds record as a fifth argument. */
    protected readonly boundsChecks = false,
  ) {
    // The kernel function is returned from the function new Function makes: its body starts one level in.
    super(1);
  }

  components(expression: Expression): string[] {
    return vectorComponents(this, expression, this.dimension);
  }

  override expression(expression: Expression, valueUsed = true): string {
    const type = scalarOf(expression.type);
    switch (expression.kind) {
      case 'literal':
        return formatNumber(type === 'f32' ? Math.fround(expression.value) : expression.value);
      case 'variable':
        return expression.name;
      case 'component': {
        const components = this.components(expression.base);
        if (expression.index.kind === 'literal') return components[expression.index.value] ?? 'undefined';
        const index = this.expression(expression.index);
        return `(${components.map((component, axis) => (axis === components.length - 1 ? component : `${index} === ${axis} ? ${component} : `)).join('')})`;
      }
      case 'field':
        if (expression.base.kind !== 'variable')
          throw new Error('internal error: element index fields are read from the loop variable');
        return generated.field(expression.base.name, expression.field);
      case 'index': {
        const array = this.expression(expression.array);
        const index = this.expression(expression.index);
        return this.boundsChecks
          ? checkedLoad(array, index, this.site(expression.array, expression.index))
          : uncheckedLoad(array, index);
      }
      case 'viewField': {
        const local = viewLocal(viewName(expression.view), expression.field);
        return expression.coefficient ? `${local}[${this.expression(expression.coefficient)}]` : local;
      }
      case 'viewSize':
        return viewLocal(viewName(expression.view), 'size');
      case 'binary':
        return binaryCode(
          expression.operator,
          this.expression(expression.left),
          this.expression(expression.right),
          type,
        );
      case 'integerDivide':
        return wrapInteger(`${this.expression(expression.left)} / ${this.expression(expression.right)}`, type);
      case 'compare': {
        const operator =
          expression.operator === '==' ? '===' : expression.operator === '!=' ? '!==' : expression.operator;
        const left = this.expression(expression.left);
        const right = this.expression(expression.right);
        // bool values may be JavaScript booleans or any number; compare them as C does, as 0 or 1.
        if (scalarOf(expression.left.type) === 'bool') return `(+!!${left} ${operator} +!!${right})`;
        return `(${left} ${operator} ${right})`;
      }
      case 'logical':
        return `(${this.expression(expression.left)} ${expression.operator} ${this.expression(expression.right)})`;
      case 'unary': {
        const operand = this.expression(expression.operand);
        if (expression.operator === '!') return `(!${operand})`;
        if (expression.operator === '~') return type === 'u32' ? `(~${operand} >>> 0)` : `(~${operand})`;
        if (expression.operator === '-') return isFloat(type) ? `(-${operand})` : wrapInteger(`-${operand}`, type);
        return operand;
      }
      case 'conditional':
        return `(${this.expression(expression.test)} ? ${this.expression(expression.consequent)} : ${this.expression(expression.alternate)})`;
      case 'convert':
        return convertCode(this.expression(expression.value), scalarOf(expression.value.type), type);
      case 'math':
        return mathCode(
          expression.function,
          expression.arguments.map((argument) => this.expression(argument)),
          type,
        );
      case 'index3':
      case 'vectorLiteral':
        throw new Error('internal error: a vector used as a number');
      case 'once':
        return expression.scope === 'block'
          ? 'true'
          : `(${Array.from({ length: this.dimension }, (_, axis) => `${generated.block(axis)} === 0`).join(' && ')})`;
      case 'syncPredicate':
        return `(${this.expression(expression.predicate)} ? 1 : 0)`;
      case 'atomic': {
        const array = this.expression(expression.array);
        const index = this.expression(expression.index);
        const operands = expression.operands.map((operand) => this.expression(operand));
        const call = (at: string) => `$$atomic${expression.operation}(${[array, at, ...operands].join(', ')})`;
        if (!this.boundsChecks) return call(index);
        return checkedAtomic(array, index, this.site(expression.array, expression.index), call, operands);
      }
      case 'warp':
        if (expression.operation === 'getSize' || expression.operation === 'activeMask') return '1';
        if (expression.operation === 'all' || expression.operation === 'any' || expression.operation === 'ballot')
          return `(${this.expression(expression.arguments[0] as Expression)} ? 1 : 0)`;
        return this.expression(expression.arguments[0] as Expression);
      case 'assign':
        return this.assignment(expression, valueUsed);
      case 'call':
        return `$$fn_${expression.function}(${expression.arguments.map((argument) => this.expression(argument)).join(', ')})`;
      case 'sequence':
        return `(${expression.expressions.map((part, index) => this.expression(part, index === expression.expressions.length - 1 ? valueUsed : false)).join(', ')})`;
    }
  }

  /** Numbers a bounds-checked access of `array` at `index`. */
  protected site(array: Expression, index: Expression): number {
    return this.sites.add(array, index.type, { kernel: this.ir, deviceFunction: this.deviceFunction });
  }

  protected abstract assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string;
}
