import { InvalidArgumentError } from '@alpaka-ts/interface';
import { type LayoutSchema, layoutOf } from '@alpaka-ts/soa-template';

/** A layout given as a decorated class or as its schema. */
export type LayoutLike = LayoutSchema | (abstract new (...args: never[]) => unknown);

export function schemaOf(layout: LayoutLike): LayoutSchema {
  if (typeof layout === 'function') return layoutOf(layout);
  if (layout?.kind === 'soaLayout') return layout;
  throw new InvalidArgumentError(
    'a portable collection needs an SoA layout: a class decorated with @soaLayout(), or a schema from defineLayout.',
  );
}

export function checkedSize(size: number, schema: LayoutSchema): number {
  if (!Number.isInteger(size) || size < 0 || size > 0xffffffff) {
    throw new InvalidArgumentError(
      `a collection of '${schema.name}' needs an element count in 0 … 2^32-1, not ${size}.`,
    );
  }
  return size;
}
