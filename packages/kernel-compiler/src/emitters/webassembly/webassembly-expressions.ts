import type { Expression } from '../../ir';
import { isFloat, type ScalarType } from '../../types';
import { emitMath } from './math';
import { binary, compareOpcode, convert, guardedDivision, kindOf } from './numeric';
import { numeric, op, opcodeOf } from './opcodes';
import { WebAssemblyAssignment } from './webassembly-assignment';
import { scalarOf } from './webassembly-values';

/** Expressions: each pushes its value (or, as an effect, nothing) onto the WebAssembly stack. */
export abstract class WebAssemblyExpressions extends WebAssemblyAssignment {
  /** An expression whose value is not used: assignments store without keeping the value. */
  effect(expression: Expression): void {
    if (expression.kind === 'assign') {
      this.assignment(expression, false);
      return;
    }
    if (expression.kind === 'sequence') {
      for (const part of expression.expressions) this.effect(part);
      return;
    }
    this.expression(expression);
    if (expression.type.kind !== 'void') this.builder.emit(op.drop);
  }

  /** Pushes the components of a vector-valued expression, one closure per axis. */
  components(expression: Expression): Array<() => void> {
    const builder = this.builder;
    const { globals } = this;
    switch (expression.kind) {
      case 'variable': {
        const binding = builder.lookup(expression.name);
        if (binding.kind !== 'vector') throw new Error(`internal error: '${expression.name}' is not a vector`);
        return binding.locals.map((local) => () => builder.get(local));
      }
      case 'vectorLiteral':
        return expression.components.map((component) => () => this.expression(component));
      case 'index3': {
        const { query, origin, unit } = expression;
        return Array.from({ length: this.dimension }, (_, axis) => () => {
          // One thread per block: the thread index is the block index.
          if (query === 'getIdx') {
            if (origin === 'grid') builder.getGlobal(globals.block(axis));
            else builder.i32(0);
          } else if (origin === 'grid' && (unit === 'blocks' || unit === 'threads'))
            builder.getGlobal(globals.blocks(axis));
          else if (origin === 'block' && unit === 'threads') builder.i32(1);
          else if (unit === 'elems' && origin === 'grid') {
            builder.getGlobal(globals.blocks(axis));
            builder.getGlobal(globals.elements(axis));
            builder.emit(numeric.i32.mul);
          } else builder.getGlobal(globals.elements(axis));
        });
      }
      default:
        throw new Error(`internal error: ${expression.kind} is not a vector`);
    }
  }

  /** Pushes the value of `expression` (nothing for a call of a function that returns nothing). */
  expression(expression: Expression): void {
    const builder = this.builder;
    const type = scalarOf(expression.type);
    const kind = kindOf(type);
    switch (expression.kind) {
      case 'literal':
        builder.constant(kind, expression.value);
        return;
      case 'variable': {
        const binding = builder.lookup(expression.name);
        if (binding.kind === 'scalar') builder.get(binding.local);
        else this.arrayAddress(expression);
        return;
      }
      case 'component': {
        const components = this.components(expression.base);
        if (expression.index.kind === 'literal') {
          (components[expression.index.value] as () => void)();
          return;
        }
        // index === 0 ? c0 : index === 1 ? c1 : … : the last.
        const index = builder.addLocal('i32');
        this.expression(expression.index);
        builder.set(index);
        const result = builder.addLocal('i32');
        (components[components.length - 1] as () => void)();
        builder.set(result);
        for (let axis = components.length - 2; axis >= 0; axis--) {
          (components[axis] as () => void)();
          builder.get(result);
          builder.get(index);
          builder.i32(axis);
          builder.emit(numeric.i32.eq, op.select);
          builder.set(result);
        }
        builder.get(result);
        return;
      }
      case 'field': {
        if (expression.base.kind !== 'variable') throw new Error('internal error: an element index field');
        const binding = builder.lookup(expression.base.name);
        if (binding.kind !== 'elementIndex') throw new Error('internal error: not an element index');
        builder.get(expression.field === 'global' ? binding.global : binding.local);
        return;
      }
      case 'index': {
        const element = this.elementOf(expression.array);
        this.guardedLoad(this.guardedElement(expression, expression.array, expression.index, element), element);
        return;
      }
      case 'viewField':
        this.arrayAddress(expression);
        return;
      case 'viewSize':
        builder.get(this.viewBinding(expression.view).size);
        return;
      case 'binary':
        this.expression(expression.left);
        this.expression(expression.right);
        binary(builder, this.imports, expression.operator, type);
        return;
      case 'integerDivide':
        this.expression(expression.left);
        this.expression(expression.right);
        guardedDivision(builder, type === 'u32' ? numeric.i32.divU : numeric.i32.divS, type !== 'u32');
        return;
      case 'compare': {
        const operandType = scalarOf(expression.left.type);
        this.expression(expression.left);
        this.expression(expression.right);
        builder.emit(compareOpcode(expression.operator, operandType === 'bool' ? 'i32' : operandType));
        return;
      }
      case 'logical':
        this.condition(expression.left);
        builder.open(op.if, {}, 'i32');
        if (expression.operator === '&&') {
          this.condition(expression.right);
          builder.else();
          builder.i32(0);
        } else {
          builder.i32(1);
          builder.else();
          this.condition(expression.right);
        }
        builder.close();
        return;
      case 'unary':
        this.unary(expression, type);
        return;
      case 'conditional':
        this.condition(expression.test);
        builder.open(op.if, {}, kind);
        this.expression(expression.consequent);
        builder.else();
        this.expression(expression.alternate);
        builder.close();
        return;
      case 'convert':
        this.expression(expression.value);
        convert(builder, this.imports, scalarOf(expression.value.type), type);
        return;
      case 'math':
        emitMath(builder, this.imports, expression.function, expression.arguments, type, (argument) =>
          this.expression(argument),
        );
        return;
      case 'index3':
      case 'vectorLiteral':
        throw new Error('internal error: a vector used as a number');
      case 'once':
        if (expression.scope === 'block') builder.i32(1);
        else {
          for (let axis = 0; axis < this.dimension; axis++) {
            builder.getGlobal(this.globals.block(axis));
            builder.emit(op.i32Eqz);
            if (axis > 0) builder.emit(numeric.i32.and);
          }
        }
        return;
      case 'syncPredicate':
        // One thread per block: count, and, or of one predicate are the predicate as 0 or 1.
        this.condition(expression.predicate);
        return;
      case 'atomic':
        this.atomic(expression);
        return;
      case 'warp':
        // A warp of one lane: the size and mask are 1, votes are the predicate, shuffles return the value.
        if (expression.operation === 'getSize' || expression.operation === 'activeMask') builder.i32(1);
        else if (expression.operation === 'all' || expression.operation === 'any' || expression.operation === 'ballot')
          this.condition(expression.arguments[0] as Expression);
        else this.expression(expression.arguments[0] as Expression);
        return;
      case 'assign':
        this.assignment(expression, true);
        return;
      case 'call':
        for (const argument of expression.arguments) this.callArgument(argument);
        builder.callDefined(this.functionIndices.get(expression.function) as number);
        return;
      case 'sequence':
        expression.expressions.forEach((part, index) => {
          if (index === expression.expressions.length - 1) this.expression(part);
          else this.effect(part);
        });
        return;
    }
  }

  /** Pushes a boolean as 0 or 1. */
  protected condition(expression: Expression): void {
    this.expression(expression);
    const type = scalarOf(expression.type);
    if (type !== 'bool') convert(this.builder, this.imports, type, 'bool');
  }

  protected callArgument(argument: Expression): void {
    if (argument.type.kind === 'view') {
      const binding = this.viewBinding(argument);
      const { layout } = argument.type;
      for (const field of layout.fields)
        this.builder.get((binding.fields.get(field.name) as { address: number }).address);
      for (const field of layout.fields) {
        const stride = binding.fields.get(field.name)?.stride;
        if (stride !== undefined) this.builder.get(stride);
      }
      this.builder.get(binding.size);
      return;
    }
    if (argument.type.kind === 'array') {
      // An array passes its address and its extent, which the function's accesses are guarded against.
      this.arrayAddress(argument);
      this.arrayExtent(argument);
      return;
    }
    this.expression(argument);
  }

  protected unary(expression: Extract<Expression, { kind: 'unary' }>, type: ScalarType): void {
    const builder = this.builder;
    const kind = kindOf(type);
    switch (expression.operator) {
      case '!':
        this.condition(expression.operand);
        builder.emit(op.i32Eqz);
        return;
      case '~':
        this.expression(expression.operand);
        builder.i32(-1);
        builder.emit(numeric.i32.xor);
        return;
      case '-':
        if (isFloat(type)) {
          this.expression(expression.operand);
          builder.emit(opcodeOf(kind, 'neg'));
        } else {
          builder.i32(0);
          this.expression(expression.operand);
          builder.emit(numeric.i32.sub);
        }
        return;
      case '+':
        this.expression(expression.operand);
        return;
    }
  }
}
