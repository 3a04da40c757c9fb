import {
  type AnyElementType,
  defineLayout,
  type FieldSchema,
  type LayoutOptions,
  registerLayoutClass,
} from '@alpaka-ts/interface';
import { declaredMethods, registerElementMethods } from './element-methods';
import type { ArrayColumn, Column, MatrixColumn, Scalar } from './field-types';

// Field decorators run before their class decorator, in declaration order. They record into the class's
// decorator metadata object (which esbuild's lowering and TypeScript both provide), or, where a transpiler
// gives none, into a list the next class decorator takes.
const fieldsByMetadata = new WeakMap<object, FieldSchema[]>();
const pendingWithoutMetadata: FieldSchema[] = [];

// Omit distributed over the union, so each kind keeps its own fields.
type FieldWithoutName = FieldSchema extends infer Field ? (Field extends unknown ? Omit<Field, 'name'> : never) : never;

function record(context: ClassFieldDecoratorContext, field: FieldWithoutName): void {
  if (context.static || context.private)
    throw new TypeError(`SoA field '${String(context.name)}' must be a public instance field.`);
  const complete = { ...field, name: String(context.name) } as FieldSchema;
  const metadata = context.metadata as object | undefined;
  if (!metadata) {
    pendingWithoutMetadata.push(complete);
    return;
  }
  const list = fieldsByMetadata.get(metadata) ?? [];
  list.push(complete);
  fieldsByMetadata.set(metadata, list);
}

type FieldDecorator<Value> = (value: undefined, context: ClassFieldDecoratorContext<unknown, Value>) => void;

// Each decorator takes a field declared with its field type (Column<'f64'> for column(f64): views of the class are
// then typed) or with the plain value type (number, a typed array: views stay untyped); any other declared type,
// another kind's or another element type's, is a compile error.

/** One value per element (SOA_COLUMN). */
export const column =
  <T extends AnyElementType>(elementType: T): FieldDecorator<Column<T['name']>> =>
  (_value, context) =>
    record(context, { kind: 'column', elementType });
/** One value for the whole collection (SOA_SCALAR). */
export const scalar =
  <T extends AnyElementType>(elementType: T): FieldDecorator<Scalar<T['name']>> =>
  (_value, context) =>
    record(context, { kind: 'scalar', elementType });
/** `length` values per element, stored together (a column of std::array<T, length>). */
export const arrayColumn =
  <T extends AnyElementType>(elementType: T, length: number): FieldDecorator<ArrayColumn<T['name']>> =>
  (_value, context) =>
    record(context, { kind: 'arrayColumn', elementType, length });
/** A rows × columns matrix per element, each coefficient its own aligned column (SOA_EIGEN_COLUMN). */
export const matrixColumn =
  <T extends AnyElementType>(elementType: T, rows: number, columns: number): FieldDecorator<MatrixColumn<T['name']>> =>
  (_value, context) =>
    record(context, { kind: 'matrixColumn', elementType, rows, columns });

/** Makes a class an SoA layout: its decorated fields, in declaration order, become the layout's schema. */
export function soaLayout(options: LayoutOptions = {}) {
  return (target: abstract new (...args: never[]) => unknown, context: ClassDecoratorContext): void => {
    const metadata = context.metadata as object | undefined;
    const fields = metadata ? (fieldsByMetadata.get(metadata) ?? []) : pendingWithoutMetadata.splice(0);
    const schema = defineLayout(String(context.name ?? target.name), fields, options);
    registerLayoutClass(target, schema);
    // The class's methods are its elements' methods (SOA_ELEMENT_METHODS): every row of its views has them. A
    // class without methods registers none, so it does not take another same-named class's.
    registerElementMethods(schema, declaredMethods(target));
  };
}
