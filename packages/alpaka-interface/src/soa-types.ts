import type { ElementTypeName, elementTypes } from './element-types';
import type { FieldSchema, LayoutLike, LayoutSchema } from './soa-schema';

// What the type system knows of a layout. A defineLayout schema keeps its fields' names, kinds and element types
// in its type. A decorated class has only its fields' declared types (decorators cannot change a class's type),
// so soa-template's field types (Column<'f64'>, Scalar<'i32'>, ArrayColumn<'i16'>, MatrixColumn<'f64'>) carry the
// kind and element type in a property that exists only for the type checker; the decorators refuse a declared
// type that disagrees with them. A class whose fields are declared without them (`x!: number`) stays untyped.

/** The key of the type-only property a decorated layout class's field types carry (no such value exists). */
export declare const soaFieldType: unique symbol;
/** The key of the type-only property that carries a layout's element methods (no such value exists). */
export declare const soaElementMethods: unique symbol;

/** What a field type says of its field: the kind and the element type's name. */
export interface SoaFieldTypeInfo<
  Kind extends FieldSchema['kind'] = FieldSchema['kind'],
  Name extends ElementTypeName = ElementTypeName,
> {
  readonly kind: Kind;
  readonly elementType: Name;
}

/** A field's value type as a row sees it, marked with the field's kind and element type for the type checker. */
export type SoaFieldType<Value, Kind extends FieldSchema['kind'], Name extends ElementTypeName> = Value & {
  readonly [soaFieldType]?: SoaFieldTypeInfo<Kind, Name>;
};

type ElementTypeNamed<Name extends ElementTypeName> = (typeof elementTypes)[Name];

/** The field schema type a field type stands for. */
type FieldOfInfo<Name extends string, Info> =
  Info extends SoaFieldTypeInfo<'column', infer Type>
    ? { readonly kind: 'column'; readonly name: Name; readonly elementType: ElementTypeNamed<Type> }
    : Info extends SoaFieldTypeInfo<'scalar', infer Type>
      ? { readonly kind: 'scalar'; readonly name: Name; readonly elementType: ElementTypeNamed<Type> }
      : Info extends SoaFieldTypeInfo<'arrayColumn', infer Type>
        ? {
            readonly kind: 'arrayColumn';
            readonly name: Name;
            readonly elementType: ElementTypeNamed<Type>;
            readonly length: number;
          }
        : Info extends SoaFieldTypeInfo<'matrixColumn', infer Type>
          ? {
              readonly kind: 'matrixColumn';
              readonly name: Name;
              readonly elementType: ElementTypeNamed<Type>;
              readonly rows: number;
              readonly columns: number;
            }
          : never;

type IsMethod<Value> = Value extends (...args: never[]) => unknown ? true : false;
// NonNullable: an optional field (`x?: Column<'f64'>`) is still its field type.
type MarkedKeys<Instance> = {
  [Key in keyof Instance]-?: typeof soaFieldType extends keyof NonNullable<Instance[Key]> ? Key : never;
}[keyof Instance];
type UnmarkedDataKeys<Instance> = {
  [Key in keyof Instance]-?: IsMethod<Instance[Key]> extends true
    ? never
    : typeof soaFieldType extends keyof NonNullable<Instance[Key]>
      ? never
      : Key;
}[keyof Instance];
type MethodKeys<Instance> = {
  [Key in keyof Instance]: IsMethod<Instance[Key]> extends true ? Key : never;
}[keyof Instance];

/**
 * The fields a decorated layout class declares, as field schema types: typed when every field's declared type is
 * one of soa-template's field types, untyped (any field name) otherwise.
 */
export type LayoutClassFields<Instance> = [MarkedKeys<Instance>] extends [never]
  ? readonly FieldSchema[]
  : [UnmarkedDataKeys<Instance>] extends [never]
    ? readonly {
        [Key in MarkedKeys<Instance>]: FieldOfInfo<
          Key & string,
          NonNullable<NonNullable<Instance[Key]>[typeof soaFieldType & keyof NonNullable<Instance[Key]>]>
        >;
      }[MarkedKeys<Instance>][]
    : readonly FieldSchema[];

/** The methods a decorated layout class declares: its elements' methods. */
export type LayoutClassMethods<Instance> = Pick<Instance, MethodKeys<Instance>>;

/** A layout schema whose type also carries its element methods (what rows of its views have beside columns). */
export type WithElementMethods<Schema extends LayoutSchema, Methods> = Schema & {
  readonly [soaElementMethods]?: Methods;
};

/** The element methods a schema's type carries, or none. */
export type ElementMethodsOfSchema<Schema> = Schema extends { readonly [soaElementMethods]?: infer Methods }
  ? unknown extends Methods
    ? object
    : NonNullable<Methods>
  : object;

/**
 * The schema type of a layout: a defineLayout schema's own type; a decorated class's fields and methods (typed
 * when its fields are declared with soa-template's field types); any other layout untyped.
 */
export type SchemaOf<L extends LayoutLike> = L extends LayoutSchema
  ? L
  : L extends abstract new (
        ...args: never[]
      ) => infer Instance
    ? WithElementMethods<LayoutSchema<LayoutClassFields<Instance>>, LayoutClassMethods<Instance>>
    : LayoutSchema;
