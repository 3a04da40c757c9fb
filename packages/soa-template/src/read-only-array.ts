import { InvalidArgumentError, type TypedArray } from '@alpaka-ts/interface';

// A const view's typed arrays (array column elements, matrix coefficient columns): reads go to the memory, every
// write throws. JavaScript has no const typed array, and a frozen copy would let writes vanish silently.

const mutating = new Set(['set', 'fill', 'copyWithin', 'reverse', 'sort']);

/** `array` behind a proxy that reads through and refuses writes, naming `what` and the layout. */
export function readOnlyTypedArray<T extends TypedArray>(array: T, what: string, layoutName: string): T {
  const refuse = (): never => {
    throw new InvalidArgumentError(`'${what}' cannot be written through a const view of '${layoutName}'.`);
  };
  return new Proxy(array, {
    get(target, property) {
      if (typeof property === 'string' && mutating.has(property)) return refuse;
      if (property === 'subarray')
        return (begin?: number, end?: number) => readOnlyTypedArray(target.subarray(begin, end) as T, what, layoutName);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
