/**
 * What a token says about a product's type, since TypeScript's types are gone at run time (DESIGN.md: "tokens
 * carry run-time types"): a class (its instances are the products), or a named type for values that have no
 * class of their own (numbers, strings, plain objects). Two descriptors name the same type when they are the
 * same class or named types with the same name.
 */
export type ProductType<T = unknown> = ProductClass<T> | NamedProductType<T>;

// biome-ignore lint/suspicious/noExplicitAny: a product class may take any constructor arguments.
export type ProductClass<T> = abstract new (...args: any[]) => T;

export interface NamedProductType<T = unknown> {
  readonly productTypeName: string;
  /** Phantom: carries T for type deduction; never read. */
  readonly __productType?: T;
}

const namedTypes = new Map<string, NamedProductType>();

/**
 * A named product type (one object per name, so descriptors compare by identity). `namedProductType<number>('int')`
 * is what CMSSW's `produces<int>()` names.
 */
export function namedProductType<T>(name: string): NamedProductType<T> {
  let type = namedTypes.get(name);
  if (type === undefined) {
    type = Object.freeze({ productTypeName: name });
    namedTypes.set(name, type);
  }
  return type as NamedProductType<T>;
}

/** The built-in named types of CMSSW's fundamental products. */
export const productTypes = {
  int: namedProductType<number>('int'),
  unsignedShort: namedProductType<number>('unsigned short'),
  double: namedProductType<number>('double'),
  string: namedProductType<string>('std::string'),
} as const;

/** The type's name as messages print it (`Looking for type: …`): a class's name, or the named type's name. */
export function productTypeName(type: ProductType): string {
  if (typeof type === 'function') {
    const custom = (type as { productTypeName?: unknown }).productTypeName;
    return typeof custom === 'string' ? custom : type.name;
  }
  return type.productTypeName;
}

/**
 * CMSSW's friendly class name as it appears in branch names (`TestHostCollection_label_instance_PROCESS`):
 * the type name without namespaces, template brackets or spaces.
 */
export function friendlyProductTypeName(type: ProductType): string {
  return productTypeName(type)
    .replace(/::/g, '')
    .replace(/[<>,\s]+/g, '');
}

export function isProductType(value: unknown): value is ProductType {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' && value !== null && typeof (value as NamedProductType).productTypeName === 'string')
  );
}
