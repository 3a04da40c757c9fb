import type { Expression } from '../../ir';
import { mathFunctionNamed } from '../../math-functions';
import type { ScalarType } from '../../types';
import type { ValueKind } from './binary-writer';
import type { FunctionBuilder } from './function-builder';
import { compareOpcode, type ImportTable, kindOf } from './numeric';
import { numeric, op, opcodeOf } from './opcodes';

/**
 * Emits a Math call of `type` whose arguments `pushArgument(i)` pushes (already of `type`): native instructions
 * where WebAssembly has them, JavaScript's Math otherwise, on f64 with the result rounded to f32 as the
 * JavaScript emitter's Math.fround does. Integer forms follow the JavaScript emitter's mathCode.
 */
export function emitMath(
  builder: FunctionBuilder,
  imports: ImportTable,
  name: string,
  args: readonly Expression[],
  type: ScalarType,
  pushArgument: (argument: Expression) => void,
): void {
  const kind = kindOf(type);
  if (kind === 'i32') {
    integerMath(builder, name, args, type, pushArgument);
    return;
  }
  // WebAssembly's own instruction where it has one (math-functions.ts says which), correctly rounded.
  if (mathFunctionNamed(name)?.webAssemblyInstruction === true) {
    if (name === 'min' || name === 'max') {
      fold(builder, args, pushArgument, opcodeOf(kind, name));
      return;
    }
    pushArgument(args[0] as Expression);
    builder.emit(opcodeOf(kind, name));
    return;
  }
  for (const argument of args) {
    pushArgument(argument);
    if (kind === 'f32') builder.emit(op.f64PromoteF32);
  }
  const parameters = args.map((): ValueKind => 'f64');
  builder.code.byte(op.call).unsigned(imports.index('Math', name, parameters, ['f64']));
  if (kind === 'f32') builder.emit(op.f32DemoteF64);
}

/** Pushes every argument and combines them pairwise with `opcode`, left to right. */
function fold(
  builder: FunctionBuilder,
  args: readonly Expression[],
  pushArgument: (argument: Expression) => void,
  opcode: number,
): void {
  args.forEach((argument, index) => {
    pushArgument(argument);
    if (index > 0) builder.emit(opcode);
  });
}

function integerMath(
  builder: FunctionBuilder,
  name: string,
  args: readonly Expression[],
  type: ScalarType,
  pushArgument: (argument: Expression) => void,
): void {
  switch (name) {
    case 'floor':
    case 'ceil':
    case 'trunc':
    case 'round':
      pushArgument(args[0] as Expression);
      return;
    case 'abs': {
      pushArgument(args[0] as Expression);
      if (type === 'u32') return;
      // Math.abs(x) | 0: the negation wraps, so abs(INT_MIN) is INT_MIN, as in C.
      const value = builder.addLocal('i32');
      builder.tee(value);
      builder.i32(0);
      builder.emit(numeric.i32.lt);
      builder.open(op.if, {}, 'i32');
      builder.i32(0);
      builder.get(value);
      builder.emit(numeric.i32.sub);
      builder.else();
      builder.get(value);
      builder.close();
      return;
    }
    case 'sign': {
      // (x > 0) - (x < 0)
      pushArgument(args[0] as Expression);
      const value = builder.addLocal('i32');
      builder.tee(value);
      builder.i32(0);
      builder.emit(numeric.i32.gt);
      builder.get(value);
      builder.i32(0);
      builder.emit(numeric.i32.lt);
      builder.emit(numeric.i32.sub);
      return;
    }
    case 'min':
    case 'max': {
      // Each argument once, kept in a local; the running result stays on the stack.
      const best = builder.addLocal('i32');
      const next = builder.addLocal('i32');
      pushArgument(args[0] as Expression);
      builder.set(best);
      for (const argument of args.slice(1)) {
        pushArgument(argument);
        builder.set(next);
        builder.get(next);
        builder.get(best);
        builder.get(next);
        builder.get(best);
        builder.emit(compareOpcode(name === 'min' ? '<' : '>', type));
        builder.emit(op.select);
        builder.set(best);
      }
      builder.get(best);
      return;
    }
    case 'imul':
      pushArgument(args[0] as Expression);
      pushArgument(args[1] as Expression);
      builder.emit(numeric.i32.mul);
      return;
    case 'clz32':
      pushArgument(args[0] as Expression);
      builder.emit(op.i32Clz);
      return;
    default:
      throw new Error(`internal error: Math.${name} of ${type}`);
  }
}
