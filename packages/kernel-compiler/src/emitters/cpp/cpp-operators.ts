// The kernel language's values and operators in C++, with JavaScript's results: literals, conversions, integer
// arithmetic that wraps, Math functions.
import { isFloat, type ScalarType } from '../../types';
import { cTypeOf } from './cpp-names';

export function literal(value: number, type: ScalarType): string {
  if (type === 'f32' || type === 'f64') {
    const rounded = type === 'f32' ? Math.fround(value) : value;
    if (Number.isNaN(rounded))
      return type === 'f32' ? 'alpaka_f32_from_bits(0x7fc00000u)' : 'alpaka_f64_from_bits(0x7ff8000000000000ull)';
    if (!Number.isFinite(rounded)) {
      const positive =
        type === 'f32' ? 'alpaka_f32_from_bits(0x7f800000u)' : 'alpaka_f64_from_bits(0x7ff0000000000000ull)';
      return rounded > 0 ? positive : `(-${positive})`;
    }
    const text = Object.is(rounded, -0) ? '-0.0' : rounded.toPrecision(type === 'f32' ? 9 : 17);
    const withPoint = /[.e]/.test(text) ? text : `${text}.0`;
    return `${rounded < 0 || Object.is(rounded, -0) ? `(${withPoint}` : withPoint}${type === 'f32' ? 'f' : ''}${rounded < 0 || Object.is(rounded, -0) ? ')' : ''}`;
  }
  if (type === 'bool') return value ? 'true' : 'false';
  if (type === 'u32' || type === 'u8' || type === 'u16') return `${value >>> 0}u`;
  if (value === -2147483648) return '(-2147483647 - 1)';
  return value < 0 ? `(${value})` : String(value);
}

export function convert(code: string, from: ScalarType, to: ScalarType): string {
  if (from === to) return code;
  if (to === 'bool') return `((${code}) != 0)`;
  if (to === 'f32' || to === 'f64') return `((${cTypeOf(to)})(${code}))`;
  if (isFloat(from)) {
    // JavaScript's ToInt32 / ToUint32, then C's modular narrowing, as the JavaScript emitter does.
    return to === 'u32' ? `alpaka_to_u32(${code})` : `((${cTypeOf(to)})alpaka_to_i32(${code}))`;
  }
  return `((${cTypeOf(to)})(${code}))`;
}

export function binary(operator: string, left: string, right: string, type: ScalarType): string {
  if (type === 'f32' || type === 'f64') {
    if (operator === '%') return `${type === 'f32' ? 'fmodf' : 'fmod'}(${left}, ${right})`;
    return `(${left} ${operator} ${right})`;
  }
  const signed = type === 'i32';
  // Signed overflow is undefined in C++: compute in unsigned and convert back, which wraps as JavaScript does.
  if (operator === '+' || operator === '-' || operator === '*')
    return signed
      ? `((int32_t)((uint32_t)(${left}) ${operator} (uint32_t)(${right})))`
      : `((uint32_t)(${left} ${operator} ${right}))`;
  if (operator === '%') return `alpaka_mod_${type}(${left}, ${right})`;
  // Shift counts wrap at 32, as in JavaScript (C leaves larger counts undefined).
  if (operator === '<<')
    return signed ? `((int32_t)((uint32_t)(${left}) << ((${right}) & 31u)))` : `((${left}) << ((${right}) & 31u))`;
  if (operator === '>>' || operator === '>>>') return `((${left}) >> ((${right}) & 31u))`;
  return `(${left} ${operator} ${right})`;
}

const floatFunctions: Record<string, string> = { abs: 'fabs', round: 'alpaka_round' };

export function math(name: string, args: string[], type: ScalarType): string {
  if (!isFloat(type)) {
    if (name === 'abs') return type === 'u32' ? (args[0] ?? '0u') : `abs(${args[0]})`;
    if (name === 'floor' || name === 'ceil' || name === 'trunc' || name === 'round') return args[0] ?? '0';
    if (name === 'sign') return `alpaka_sign(${args[0]})`;
    if (name === 'min' || name === 'max') return args.reduce((accumulated, next) => `${name}(${accumulated}, ${next})`);
    if (name === 'imul') return `((int32_t)((uint32_t)(${args[0]}) * (uint32_t)(${args[1]})))`;
    if (name === 'clz32') return `((int32_t)__clz((int)(${args[0]})))`;
    return `${name}(${args.join(', ')})`;
  }
  const suffix = type === 'f32' ? 'f' : '';
  if (name === 'round') return `alpaka_round${suffix}(${args[0]})`;
  if (name === 'sign') return `alpaka_sign(${args[0]})`;
  if (name === 'min' || name === 'max')
    return args.reduce((accumulated, next) => `alpaka_f${name}(${accumulated}, ${next})`);
  if (name === 'hypot') return args.reduce((accumulated, next) => `hypot${suffix}(${accumulated}, ${next})`);
  return `${floatFunctions[name] ?? name}${suffix}(${args.join(', ')})`;
}
