import { InvalidArgumentError, type LayoutLike, type LayoutSchema, layoutSchemaOf } from '@alpaka-ts/interface';

export type { LayoutLike };

/** The schema of a decorated class or a schema (one registry, in @alpaka-ts/interface). */
export const schemaOf = (layout: LayoutLike): LayoutSchema => layoutSchemaOf(layout);

export function checkedSize(size: number, schema: LayoutSchema): number {
  if (!Number.isInteger(size) || size < 0 || size > 0xffffffff) {
    throw new InvalidArgumentError(
      `a collection of '${schema.name}' needs an element count in 0 … 2^32-1, not ${size}.`,
    );
  }
  return size;
}
