import { InvalidArgumentError } from './errors';

/**
 * An index or extent vector of 1 to 3 dimensions. As in alpaka, component 0 is the slowest-varying
 * dimension and the last component is the fastest (x): a 2D extent is [rows, columns].
 */
export type Vec = readonly number[];
export type Dimension = 1 | 2 | 3;
/** An extent given as one number (1D) or as a vector. */
export type ExtentLike = number | Vec;

export function toVec(extent: ExtentLike, what = 'extent'): Vec {
  const vector = typeof extent === 'number' ? [extent] : [...extent];
  if (vector.length < 1 || vector.length > 3) {
    throw new InvalidArgumentError(`${what} has ${vector.length} dimensions; alpaka-ts supports 1 to 3.`);
  }
  for (const component of vector) {
    if (!Number.isInteger(component) || component < 0 || component > 0xffffffff) {
      throw new InvalidArgumentError(
        `${what} [${vector.join(', ')}] has a component that is not an integer in 0 … 2^32-1 (index type u32).`,
      );
    }
  }
  return Object.freeze(vector);
}

export const getExtentProduct = (vector: Vec): number => vector.reduce((total, component) => total * component, 1);

export const vecEquals = (a: Vec, b: Vec): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Widens a vector to 3 components by prepending 1s (extents) or 0s (offsets), keeping x last. */
export function widenTo3(vector: Vec, fill: number): [number, number, number] {
  const padded = [fill, fill, fill, ...vector].slice(-3);
  return [padded[0] ?? fill, padded[1] ?? fill, padded[2] ?? fill];
}

export const formatVec = (vector: Vec): string => `[${vector.join(', ')}]`;
