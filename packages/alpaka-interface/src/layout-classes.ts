import { InvalidArgumentError } from './errors';
import { checkedLayoutSchema, type LayoutLike, type LayoutSchema } from './soa-schema';
import type { SchemaOf } from './soa-types';

// Which schema each decorated layout class stands for. In its own file: it needs the schema's types and the
// type-level SchemaOf, which itself needs the schema's types.

// Filled by soa-template's class decorator; here so that every package reads one registry.
const layoutClasses = new WeakMap<object, LayoutSchema>();

/** Records the schema a layout class stands for (soa-template's @soaLayout() calls this). */
export function registerLayoutClass(
  layoutClass: abstract new (...args: never[]) => unknown,
  schema: LayoutSchema,
): void {
  layoutClasses.set(layoutClass, schema);
}

/** The schema of a layout class or schema; a clear error for anything else. */
export function layoutSchemaOf<L extends LayoutLike>(layout: L): SchemaOf<L> {
  if (typeof layout === 'function') {
    const schema = layoutClasses.get(layout);
    if (!schema) throw new InvalidArgumentError(`${layout.name} is not an SoA layout: decorate it with @soaLayout().`);
    return schema as SchemaOf<L>;
  }
  if ((layout as LayoutSchema | undefined)?.kind === 'soaLayout')
    return checkedLayoutSchema(layout as LayoutSchema) as SchemaOf<L>;
  throw new InvalidArgumentError(
    'this needs an SoA layout: a class decorated with @soaLayout(), or a schema from defineLayout.',
  );
}
