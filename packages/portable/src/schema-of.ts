import { InvalidArgumentError, type LayoutSchema } from '@alpaka-ts/interface';

export function checkedSize(size: number, schema: LayoutSchema): number {
  if (!Number.isInteger(size) || size < 0 || size > 0xffffffff) {
    throw new InvalidArgumentError(
      `a collection of '${schema.name}' needs an element count in 0 … 2^32-1, not ${size}.`,
    );
  }
  return size;
}
