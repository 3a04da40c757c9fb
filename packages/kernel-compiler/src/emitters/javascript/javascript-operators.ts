import type { Expression } from '../../ir';
import { mathFunctionNamed } from '../../math-functions';
import type { ScalarType, ValueType } from '../../types';

/** How generated names are spelled: user identifiers never start with $$, so these never collide. */
export const generated = {
  block: (axis: number) => `$$block${axis}`,
  blocks: (axis: number) => `$$blocks${axis}`,
  elements: (axis: number) => `$$elements${axis}`,
  gridElements: (axis: number) => `$$gridElements${axis}`,
  component: (name: string, axis: number) => `${name}$${axis}`,
  field: (name: string, field: string) => `${name}$${field}`,
};

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return value < 0 ? `(${String(value)})` : String(value);
}

const scalarOf = (type: ValueType): ScalarType => (type.kind === 'scalar' ? type.scalar : 'f64');

/** Wraps an integer-valued JavaScript expression so it holds type's C value. */
export function wrapInteger(code: string, type: ScalarType): string {
  switch (type) {
    case 'i32':
      return `((${code}) | 0)`;
    case 'u32':
      return `((${code}) >>> 0)`;
    case 'i16':
      return `(((${code}) << 16) >> 16)`;
    case 'u16':
      return `((${code}) & 65535)`;
    case 'i8':
      return `(((${code}) << 24) >> 24)`;
    case 'u8':
      return `((${code}) & 255)`;
    default:
      return code;
  }
}

/** Converts a JavaScript expression holding a `from` value into the C value of type `to`. */
export function convertCode(code: string, from: ScalarType, to: ScalarType): string {
  if (from === to) return code;
  if (to === 'bool') return `((${code}) != 0)`;
  if (from === 'bool') return to === 'f32' || to === 'f64' ? `(+(${code}))` : `((${code}) | 0)`;
  if (to === 'f64') return code;
  if (to === 'f32') return from === 'f64' || from === 'i32' || from === 'u32' ? `Math.fround(${code})` : code;
  // Integer targets: widening between integers needs nothing; everything else wraps (and truncates floats).
  const widening: Record<string, ScalarType[]> = {
    i32: ['i8', 'u8', 'i16', 'u16'],
    u32: ['u8', 'u16'],
    i16: ['i8', 'u8'],
    u16: ['u8'],
  };
  if (widening[to]?.includes(from)) return code;
  return wrapInteger(code, to);
}

export interface ExpressionEmitter {
  /** Emits an expression's JavaScript. */
  expression(expression: Expression): string;
  /** The components of a vector-valued expression (getIdx, a vector variable, a vector literal). */
  components(expression: Expression): string[];
}

export function vectorComponents(emit: ExpressionEmitter, expression: Expression, dimension: number): string[] {
  switch (expression.kind) {
    case 'variable':
      return Array.from({ length: dimension }, (_, axis) => generated.component(expression.name, axis));
    case 'vectorLiteral':
      return expression.components.map((component) => emit.expression(component));
    case 'index3': {
      const { query, origin, unit } = expression;
      return Array.from({ length: dimension }, (_, axis) => {
        if (query === 'getIdx') return origin === 'grid' ? generated.block(axis) : '0'; // one thread per block: the thread index is the block index
        if (origin === 'grid' && (unit === 'blocks' || unit === 'threads')) return generated.blocks(axis);
        if (origin === 'block' && unit === 'threads') return '1';
        if (unit === 'elems' && origin === 'grid') return generated.gridElements(axis);
        return generated.elements(axis);
      });
    }
    default:
      throw new Error(`internal error: ${expression.kind} is not a vector`);
  }
}

/** Binary arithmetic in `type` with C semantics: integers wrap, f32 rounds after every operation. */
export function binaryCode(operator: string, left: string, right: string, type: ScalarType): string {
  if (type === 'f64') return `(${left} ${operator} ${right})`;
  if (type === 'f32') return `Math.fround(${left} ${operator} ${right})`;
  if (type === 'u32') {
    if (operator === '*') return `(Math.imul(${left}, ${right}) >>> 0)`;
    if (operator === '>>' || operator === '>>>') return `(${left} >>> ${right})`;
    return `((${left} ${operator} ${right}) >>> 0)`;
  }
  // i32 (narrower types are promoted before arithmetic).
  if (operator === '*') return `Math.imul(${left}, ${right})`;
  if (operator === '&' || operator === '|' || operator === '^' || operator === '<<' || operator === '>>')
    return `(${left} ${operator} ${right})`;
  return `((${left} ${operator} ${right}) | 0)`;
}

export function mathCode(name: string, args: string[], type: ScalarType): string {
  if (type !== 'f32' && type !== 'f64') {
    if (name === 'abs') return type === 'u32' ? (args[0] ?? '0') : `(Math.abs(${args[0]}) | 0)`;
    if (name === 'floor' || name === 'ceil' || name === 'trunc' || name === 'round') return args[0] ?? '0';
    return `Math.${name}(${args.join(', ')})`;
  }
  const call = `Math.${name}(${args.join(', ')})`;
  return type === 'f32' && mathFunctionNamed(name)?.exactOnF32 !== true ? `Math.fround(${call})` : call;
}

export { scalarOf };

export const viewLocal = (view: string, field: string): string => `${view}$$${field}`;

export function viewName(view: Expression): string {
  if (view.kind !== 'variable') throw new Error('internal error: a view is always a parameter');
  return view.name;
}

export function isSideEffectFree(expression: Expression): boolean {
  switch (expression.kind) {
    case 'literal':
    case 'variable':
      return true;
    case 'binary':
    case 'compare':
      return isSideEffectFree(expression.left) && isSideEffectFree(expression.right);
    case 'convert':
      return isSideEffectFree(expression.value);
    case 'component':
      return isSideEffectFree(expression.index);
    case 'field':
      return true;
    case 'viewField':
      return expression.coefficient === undefined || isSideEffectFree(expression.coefficient);
    default:
      return false;
  }
}
