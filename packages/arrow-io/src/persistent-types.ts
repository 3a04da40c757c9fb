import {
  bool,
  type ElementType,
  f32,
  f64,
  host,
  i8,
  i16,
  i32,
  type LayoutSchema,
  u8,
  u16,
  u32,
} from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';

/**
 * What ArrowSource makes of a collection branch, by the type name written with it (CMSSW's dictionaries): a
 * class registered here, constructed from the element count on the host, or PortableHostCollection itself over
 * the layout the file describes. A package whose collections are classes of their own registers them, so a job
 * reading its files gets the classes its consumers ask for.
 */
export type CollectionMaker = (size: number, layout: LayoutSchema) => PortableHostCollection;

// biome-ignore lint/suspicious/noExplicitAny: a collection class may take any constructor arguments.
type CollectionClass = abstract new (...args: any[]) => PortableHostCollection;

const collections = new Map<string, { readonly type: CollectionClass; readonly make: CollectionMaker }>([
  [
    'PortableHostCollection',
    { type: PortableHostCollection, make: (size, layout) => new PortableHostCollection(layout, size, host()) },
  ],
]);

/** Registers a host collection class under its product type name (its static productTypeName, else its name). */
export function registerPersistentCollection(
  type: CollectionClass,
  make: (size: number) => PortableHostCollection,
): void {
  const name = (type as { productTypeName?: string }).productTypeName ?? type.name;
  collections.set(name, { type, make: (size) => make(size) });
}

/** The registered class and maker for a collection branch's type name; undefined when none is. */
export const persistentCollection = (typeName: string) => collections.get(typeName);

const elementTypes: Readonly<Record<string, ElementType>> = { bool, i8, u8, i16, u16, i32, u32, f32, f64 };

/** A layout schema from the JSON the tables' metadata hold (layout-arrow-schema.ts's layoutDescription). */
export function layoutFromDescription(description: string): LayoutSchema {
  const parsed = JSON.parse(description) as {
    name: string;
    alignment: number;
    alignmentEnforcement: boolean;
    fields: ({ elementType: string } & Record<string, unknown>)[];
  };
  const fields = parsed.fields.map((field) => {
    const elementType = elementTypes[field.elementType];
    if (elementType === undefined)
      throw new Error(`the layout has a field of unknown element type ${field.elementType}`);
    return { ...field, elementType };
  });
  return Object.freeze({
    kind: 'soaLayout',
    name: parsed.name,
    alignment: parsed.alignment,
    alignmentEnforcement: parsed.alignmentEnforcement,
    fields: Object.freeze(fields),
  }) as unknown as LayoutSchema;
}
