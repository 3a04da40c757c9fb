import type { WebAssemblyImports } from '@alpaka-ts/interface/backend';
import type { BinaryOperator } from '../../ir';
import { isFloat, type ScalarType } from '../../types';
import type { FunctionImport, ValueKind } from './binary-writer';
import type { FunctionBuilder } from './function-builder';
import { numeric, op, opcodeOf } from './opcodes';

/** How a kernel-language scalar is held in WebAssembly: every integer and bool in an i32. */
export const kindOf = (type: ScalarType): ValueKind => (type === 'f32' ? 'f32' : type === 'f64' ? 'f64' : 'i32');

/**
 * The functions a kernel module imports. Transcendental Math functions come from JavaScript's own Math, so a
 * WebAssembly kernel computes exactly what the JavaScript emitter's code computes; `%` on floats and the
 * out-of-range float-to-integer conversion use JavaScript's operators for the same reason.
 */
export class ImportTable {
  readonly imports: FunctionImport[] = [];
  private readonly indices = new Map<string, number>();

  index(module: string, name: string, parameters: readonly ValueKind[], results: readonly ValueKind[]): number {
    const key = `${module}.${name}:${parameters.join(',')}`;
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.imports.length;
      // One JavaScript function may be imported under several arities (Math.hypot, Math.max).
      this.imports.push({ module, name: `${name}/${parameters.length}`, type: { parameters, results } });
      this.indices.set(key, index);
    }
    return index;
  }
}

/** The JavaScript values behind ImportTable's names. */
export function importValues(imports: readonly FunctionImport[]): WebAssemblyImports {
  const helpers: Record<string, (...args: number[]) => number> = {
    fmod: (left, right) => (left as number) % (right as number),
    toInt32: (value) => (value as number) | 0,
  };
  const values: Record<string, Record<string, unknown>> = {};
  for (const entry of imports) {
    const name = entry.name.slice(0, entry.name.indexOf('/'));
    const source = entry.module === 'Math' ? (Math as unknown as Record<string, unknown>) : helpers;
    const value = source[name];
    if (typeof value !== 'function') throw new Error(`internal error: no ${entry.module}.${name} to import`);
    const moduleValues = values[entry.module] ?? {};
    moduleValues[entry.name] = value;
    values[entry.module] = moduleValues;
  }
  return values;
}

/** Narrows an i32 on the stack to `type`'s C value (JavaScript's `<< 24 >> 24`, `& 255`, …). */
export function wrapInteger(builder: FunctionBuilder, type: ScalarType): void {
  switch (type) {
    case 'i8':
      builder.emit(op.i32Extend8S);
      return;
    case 'u8':
      builder.i32(255);
      builder.emit(numeric.i32.and);
      return;
    case 'i16':
      builder.emit(op.i32Extend16S);
      return;
    case 'u16':
      builder.i32(65535);
      builder.emit(numeric.i32.and);
      return;
    default:
      return;
  }
}

/**
 * A float on the stack to an i32 as JavaScript's `x | 0` (ToInt32: truncate, then modulo 2^32; NaN and the
 * infinities give 0). Magnitudes below 2^63 truncate to i64 in WebAssembly and wrap; the rest call JavaScript.
 */
function floatToInt32(builder: FunctionBuilder, imports: ImportTable, from: 'f32' | 'f64'): void {
  if (from === 'f32') builder.emit(op.f64PromoteF32);
  const value = builder.addLocal('f64');
  builder.tee(value);
  builder.emit(numeric.f64.abs);
  builder.constant('f64', 2 ** 63);
  builder.emit(numeric.f64.lt);
  builder.open(op.if, {}, 'i32');
  builder.get(value);
  builder.code.byte(op.prefixFC).unsigned(6); // i64.trunc_sat_f64_s
  builder.emit(op.i32WrapI64);
  builder.else();
  builder.get(value);
  builder.code.byte(op.call).unsigned(imports.index('helpers', 'toInt32', ['f64'], ['i32']));
  builder.close();
}

/** Converts the `from` value on the stack into the C value of type `to` (the JavaScript emitter's convertCode). */
export function convert(builder: FunctionBuilder, imports: ImportTable, from: ScalarType, to: ScalarType): void {
  if (from === to) return;
  const fromKind = kindOf(from);
  if (to === 'bool') {
    builder.constant(fromKind, 0);
    builder.emit(numeric[fromKind].ne);
    return;
  }
  if (to === 'f64' || to === 'f32') {
    if (fromKind === to) return;
    if (fromKind === 'f32') builder.emit(op.f64PromoteF32);
    else if (fromKind === 'f64') builder.emit(op.f32DemoteF64);
    else builder.emit(from === 'u32' ? numeric[to].convertI32U : numeric[to].convertI32S);
    return;
  }
  if (fromKind !== 'i32') floatToInt32(builder, imports, fromKind as 'f32' | 'f64');
  // Integer to integer: widening is free; u32 and i32 share their bits; narrowing wraps.
  const widening: Partial<Record<ScalarType, readonly ScalarType[]>> = {
    i32: ['i8', 'u8', 'i16', 'u16', 'u32', 'bool'],
    u32: ['i32', 'u8', 'u16', 'bool'],
    i16: ['i8', 'u8', 'bool'],
    u16: ['u8', 'bool'],
    i8: ['bool'],
    u8: ['bool'],
  };
  if (fromKind === 'i32' && widening[to]?.includes(from)) return;
  wrapInteger(builder, to);
}

/**
 * Arithmetic on the two operands on the stack, in `type` (i32, u32, f32 or f64 after C's conversions), with
 * the JavaScript emitter's results: integers wrap, f32 operations are WebAssembly's own (the same as
 * Math.fround after each), and an integer `%` by zero gives 0 where WebAssembly would trap.
 */
export function binary(builder: FunctionBuilder, imports: ImportTable, operator: BinaryOperator, type: ScalarType) {
  if (isFloat(type)) {
    const kind = type as 'f32' | 'f64';
    const opcodes: Partial<Record<BinaryOperator, number>> = {
      '+': numeric[kind].add,
      '-': numeric[kind].sub,
      '*': numeric[kind].mul,
      '/': numeric[kind].div,
    };
    const opcode = opcodes[operator];
    if (opcode !== undefined) {
      builder.emit(opcode);
      return;
    }
    if (operator !== '%') throw new Error(`internal error: '${operator}' on ${type}`);
    // fmod of two f32 values is exact in f64, so rounding the f64 result gives C's fmodf.
    const right = builder.addLocal(kind);
    builder.set(right);
    if (kind === 'f32') builder.emit(op.f64PromoteF32);
    builder.get(right);
    if (kind === 'f32') builder.emit(op.f64PromoteF32);
    builder.code.byte(op.call).unsigned(imports.index('helpers', 'fmod', ['f64', 'f64'], ['f64']));
    if (kind === 'f32') builder.emit(op.f32DemoteF64);
    return;
  }
  const unsigned = type === 'u32';
  const i32 = numeric.i32;
  const opcodes: Partial<Record<BinaryOperator, number>> = {
    '+': i32.add,
    '-': i32.sub,
    '*': i32.mul,
    '&': i32.and,
    '|': i32.or,
    '^': i32.xor,
    '<<': i32.shl,
    '>>': unsigned ? i32.shrU : i32.shrS,
    '>>>': i32.shrU,
  };
  const opcode = opcodes[operator];
  if (opcode !== undefined) {
    builder.emit(opcode as number);
    return;
  }
  if (operator !== '%') throw new Error(`internal error: '${operator}' on ${type}`);
  guardedDivision(builder, unsigned ? (i32.remU as number) : (i32.remS as number), false);
}

/**
 * `left op right` for integer division or remainder, giving what JavaScript's `(a / b) | 0` gives where
 * WebAssembly traps: 0 for a zero divisor, and for i32 division by -1 the wrapped negation (INT_MIN / -1).
 */
export function guardedDivision(builder: FunctionBuilder, opcode: number, signedDivide: boolean): void {
  const right = builder.addLocal('i32');
  const left = builder.addLocal('i32');
  builder.set(right);
  builder.set(left);
  builder.get(right);
  builder.emit(op.i32Eqz);
  builder.open(op.if, {}, 'i32');
  builder.i32(0);
  builder.else();
  if (signedDivide) {
    builder.get(right);
    builder.i32(-1);
    builder.emit(numeric.i32.eq);
    builder.open(op.if, {}, 'i32');
    builder.i32(0);
    builder.get(left);
    builder.emit(numeric.i32.sub);
    builder.else();
  }
  builder.get(left);
  builder.get(right);
  builder.emit(opcode);
  if (signedDivide) builder.close();
  builder.close();
}

/** The comparison opcode for `operator` on operands of `type`. */
export function compareOpcode(operator: string, type: ScalarType): number {
  const kind = kindOf(type);
  const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  const name = names[operator];
  if (name === undefined) throw new Error(`internal error: no comparison '${operator}'`);
  const unsigned = kind === 'i32' && type === 'u32' && name !== 'eq' && name !== 'ne';
  return opcodeOf(kind, unsigned ? `${name}U` : name);
}
