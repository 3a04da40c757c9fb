import type { ElementMethodsOfSchema, ElementType, LayoutSchema, TypedArray } from '@alpaka-ts/interface';
import type { ElementMatrix, RowBase } from './row-proxy';

// A view's types from its layout's: the columns, scalars and row fields of a typed schema (a defineLayout schema,
// a decorated class declared with the field types) by name and element type, so a typo is a compile error and a
// const view's types have no setters; an untyped schema gives string-keyed types.

/**
 * The typed array a view gives for an element type: over any ArrayBuffer (a view's memory may be shared), not
 * the ArrayBuffer-only arrays an element type's constructor makes.
 */
export type ArrayOf<Type extends ElementType> = {
  bool: Uint8Array;
  i8: Int8Array;
  u8: Uint8Array;
  i16: Int16Array;
  u16: Uint16Array;
  i32: Int32Array;
  u32: Uint32Array;
  f32: Float32Array;
  f64: Float64Array;
}[Type['name'] & ('bool' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64')];

type FieldOf<Schema extends LayoutSchema> = Schema['fields'][number];
type IsTyped<Schema extends LayoutSchema> = string extends FieldOf<Schema>['name'] ? false : true;
type FieldsOfKind<Schema extends LayoutSchema, Kind> = Extract<FieldOf<Schema>, { readonly kind: Kind }>;

/** `view.columns`: each column and array column as its typed array. */
export type ViewColumns<Schema extends LayoutSchema> =
  IsTyped<Schema> extends true
    ? {
        readonly [Field in FieldsOfKind<Schema, 'column' | 'arrayColumn'> as Field['name']]: ArrayOf<
          Field['elementType']
        >;
      }
    : Readonly<Record<string, TypedArray>>;

/** `view.scalars`: each scalar as a number (read-only on a const view). */
export type ViewScalars<Schema extends LayoutSchema, ReadOnly extends boolean> =
  IsTyped<Schema> extends true
    ? ReadOnly extends true
      ? { readonly [Field in FieldsOfKind<Schema, 'scalar'> as Field['name']]: number }
      : { [Field in FieldsOfKind<Schema, 'scalar'> as Field['name']]: number }
    : ReadOnly extends true
      ? Readonly<Record<string, number>>
      : Record<string, number>;

type MatrixValue = ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/** What `row.assign` takes: every column's value (a number, an array column's values, a matrix). */
export type RowValues<Schema extends LayoutSchema> =
  IsTyped<Schema> extends true
    ? {
        readonly [Field in FieldsOfKind<Schema, 'column'> as Field['name']]: Field['elementType']['name'] extends 'bool'
          ? number | boolean
          : number;
      } & {
        readonly [Field in FieldsOfKind<Schema, 'arrayColumn'> as Field['name']]: ArrayLike<number>;
      } & { readonly [Field in FieldsOfKind<Schema, 'matrixColumn'> as Field['name']]: MatrixValue }
    : Readonly<Record<string, number | boolean | MatrixValue>>;

/**
 * A row of a layout the type system does not know: any column name. (`any`, as for an untyped kernel view, so a
 * typed row is one too: TypeScript lets no interface into a narrower index signature.)
 */
export type RowProxy = RowBase & {
  assign(row: Readonly<Record<string, number | boolean | MatrixValue>>): void;
  // biome-ignore lint/suspicious/noExplicitAny: the fields of an untyped layout are known only at run time.
  [field: string]: any;
};

/** A matrix of a const view's row: read only. */
export type ConstElementMatrix = Pick<ElementMatrix, 'get' | 'getMatrix'>;

/** A row of a view (CMSSW's element): columns read and written, array columns' values, matrices, methods, assign. */
export type Row<Schema extends LayoutSchema> =
  IsTyped<Schema> extends true
    ? { [Field in FieldsOfKind<Schema, 'column'> as Field['name']]: number } & {
        [Field in FieldsOfKind<Schema, 'arrayColumn'> as Field['name']]: ArrayOf<Field['elementType']>;
      } & { readonly [Field in FieldsOfKind<Schema, 'matrixColumn'> as Field['name']]: ElementMatrix } & RowBase & {
          assign(row: RowValues<Schema>): void;
        } & ElementMethodsOfSchema<Schema>
    : RowProxy;

/** A row of a const view (CMSSW's const_element): every field read only, no assign; methods that write throw. */
export type ConstRow<Schema extends LayoutSchema> =
  IsTyped<Schema> extends true
    ? { readonly [Field in FieldsOfKind<Schema, 'column'> as Field['name']]: number } & {
        readonly [Field in FieldsOfKind<Schema, 'arrayColumn'> as Field['name']]: ArrayOf<Field['elementType']>;
      } & { readonly [Field in FieldsOfKind<Schema, 'matrixColumn'> as Field['name']]: ConstElementMatrix } & RowBase &
        ElementMethodsOfSchema<Schema>
    : RowBase & {
        // biome-ignore lint/suspicious/noExplicitAny: the fields of an untyped layout are known only at run time.
        readonly [field: string]: any;
      };

type NamesOfKind<Schema extends LayoutSchema, Kind> =
  IsTyped<Schema> extends true ? FieldsOfKind<Schema, Kind>['name'] : string;
/** The names `view.element(name, i)` takes: the array columns'. */
export type ArrayColumnName<Schema extends LayoutSchema> = NamesOfKind<Schema, 'arrayColumn'>;
/** The names `view.matrix(name)` takes: the matrix columns'. */
export type MatrixColumnName<Schema extends LayoutSchema> = NamesOfKind<Schema, 'matrixColumn'>;
/** The typed array of an array column's element. */
export type ArrayColumnValues<Schema extends LayoutSchema, Name extends string> =
  IsTyped<Schema> extends true ? ArrayOf<Extract<FieldOf<Schema>, { readonly name: Name }>['elementType']> : TypedArray;
