import { type ElementType, isIntegerType } from './element-types';
import { InvalidArgumentError } from './errors';

/**
 * The one rule for a JavaScript value that becomes an element of a given type, used by kernel scalar arguments
 * and by fill(): integer and bool types take only the values they hold (an integer in range; for bool also
 * true and false), anything else is refused rather than wrapped, since a wrapped value (-1 as u32 = 4294967295)
 * is almost always a mistake; float types take any number, f32 rounded to nearest as a C cast does.
 * `where` names the destination for the message ("kernel 'k', argument 'n'", "fill").
 */
export function scalarValue(type: ElementType, value: unknown, where: string): number {
  if (typeof value === 'number') {
    if ((isIntegerType(type) || type.name === 'bool') && (!Number.isInteger(value) || type.convert(value) !== value)) {
      throw new InvalidArgumentError(
        `${where} is ${type.name}, and ${value} is not a value of that type; convert it explicitly.`,
      );
    }
    return type.convert(value);
  }
  if (type.name === 'bool' && typeof value === 'boolean') return value ? 1 : 0;
  throw new InvalidArgumentError(
    `${where} is ${type.name} and needs a number${type.name === 'bool' ? ' or a boolean' : ''}, but got ${describeValue(value)}.`,
  );
}

/** A short description of a wrong value for messages: "undefined", "a string", "an object of class Buffer". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object' || typeof value === 'function') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : `a plain ${typeof value}`;
  }
  return `a ${typeof value} (${String(value)})`;
}
