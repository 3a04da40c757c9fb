import type { TypedArray } from '@alpaka-ts/interface';
import type { SoaRangeError } from './soa-range-error';

// With range checking on, `view.columns.x[i]` is an access path like any other: a typed array reads undefined
// for an index outside it (or for 1.5, or -1) and drops such a write, which is how an index bug turns into a NaN
// three modules later. The checked column is the typed array behind a proxy that throws for those indices.

// What JavaScript treats as an element index of a typed array: a property key that is a number's canonical
// string ("3", "-1", "1.5", "NaN", "Infinity"), and "-0".
const isNumericKey = (key: string | symbol): boolean =>
  typeof key === 'string' && (key === '-0' || String(Number(key)) === key);

/**
 * `array` (a column of `size` elements of `length` values each) behind a proxy that throws `outOfRange(index)`
 * for an index that is not an integer from 0 to array.length-1, and passes every other read and write through.
 */
export function rangeCheckedTypedArray<T extends TypedArray>(
  array: T,
  outOfRange: (index: number, length: number) => SoaRangeError,
): T {
  const checked = (key: string): void => {
    const index = Number(key);
    if (!(Number.isInteger(index) && index >= 0 && index < array.length && key !== '-0'))
      throw outOfRange(index, array.length);
  };
  return new Proxy(array, {
    get(target, key) {
      if (isNumericKey(key)) {
        checked(key as string);
        return target[Number(key)];
      }
      if (key === 'subarray')
        return (begin?: number, end?: number) => rangeCheckedTypedArray(target.subarray(begin, end), outOfRange);
      const value = Reflect.get(target, key, target);
      // Methods run on the typed array itself (they refuse a proxy as `this`); the constructor stays the class.
      return typeof value === 'function' && key !== 'constructor' ? value.bind(target) : value;
    },
    set(target, key, value) {
      if (!isNumericKey(key)) return Reflect.set(target, key, value, target);
      checked(key as string);
      target[Number(key)] = value;
      return true;
    },
  });
}
