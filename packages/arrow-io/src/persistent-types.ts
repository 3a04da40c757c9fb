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
import {
  PortableHostCollection,
  PortableHostMultiCollection,
  PortableHostObject,
  type StructSchema,
} from '@alpaka-ts/portable';

/**
 * What ArrowSource makes of a branch, by the type name written with it (CMSSW's dictionaries): a class
 * registered here, constructed on the host from the sizes, or else the portable type itself over the layouts or
 * struct the file describes. A package whose products are classes of their own registers them, so a job reading
 * its files gets the classes its consumers ask for.
 */
// biome-ignore lint/suspicious/noExplicitAny: a product class may take any constructor arguments.
type ProductClassOf<T> = abstract new (...args: any[]) => T;

/** A product class and how ArrowSource makes one from the sizes and the layouts or struct the file describes. */
export interface PersistentType<T, Shape> {
  readonly type: ProductClassOf<T>;
  readonly make: (sizes: readonly number[], shape: Shape) => T;
}

const registered = new Map<string, PersistentType<unknown, unknown>>();
const nameOf = (type: ProductClassOf<unknown>) => (type as { productTypeName?: string }).productTypeName ?? type.name;

/** What a branch of `typeName` becomes; the portable type `fallback` stands for unregistered names. */
export const persistentType = <T, Shape>(
  typeName: string,
  fallback: PersistentType<T, Shape>,
): PersistentType<T, Shape> => (registered.get(typeName) as PersistentType<T, Shape> | undefined) ?? fallback;

/** Registers a host collection class (its static productTypeName, else its name) and how to make one of a size. */
export function registerPersistentCollection(
  type: ProductClassOf<PortableHostCollection>,
  make: (size: number) => PortableHostCollection,
): void {
  registered.set(nameOf(type), { type, make: (sizes: readonly number[]) => make(sizes[0] ?? 0) });
}

/** Registers a host multi-layout collection class and how to make one of these sizes. */
export function registerPersistentMultiCollection(
  type: ProductClassOf<PortableHostMultiCollection>,
  make: (sizes: readonly number[]) => PortableHostMultiCollection,
): void {
  registered.set(nameOf(type), { type, make });
}

/** Registers a host object class and how to make one. */
export function registerPersistentObject(
  type: ProductClassOf<PortableHostObject>,
  make: () => PortableHostObject,
): void {
  registered.set(nameOf(type), { type, make: () => make() });
}

export const genericCollection: PersistentType<PortableHostCollection, LayoutSchema> = {
  type: PortableHostCollection,
  make: ([size], layout) => new PortableHostCollection(layout, size ?? 0, host()),
};
export const genericMultiCollection: PersistentType<PortableHostMultiCollection, readonly LayoutSchema[]> = {
  type: PortableHostMultiCollection,
  make: (sizes, layouts) => new PortableHostMultiCollection(layouts, sizes, host()),
};
export const genericObject: PersistentType<PortableHostObject, StructSchema> = {
  type: PortableHostObject,
  make: (_sizes, struct) => new PortableHostObject(struct, host()),
};

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

/** A struct schema from the JSON an object branch's metadata holds (object-batches.ts's structDescription). */
export function structFromDescription(description: string): StructSchema {
  const parsed = JSON.parse(description) as {
    name: string;
    byteSize: number;
    fields: { name: string; elementType: string; offset: number }[];
  };
  const fields = parsed.fields.map((field) => {
    const elementType = elementTypes[field.elementType];
    if (elementType === undefined)
      throw new Error(`the struct has a field of unknown element type ${field.elementType}`);
    return Object.freeze({ ...field, elementType });
  });
  return Object.freeze({ kind: 'struct', name: parsed.name, byteSize: parsed.byteSize, fields: Object.freeze(fields) });
}
