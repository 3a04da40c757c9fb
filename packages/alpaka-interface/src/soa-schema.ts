import { type ElementType, isElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import { reservedFieldName } from './soa-field-names';

/**
 * One field of an SoA layout (CMSSW's SOA_COLUMN, SOA_SCALAR, a column of fixed-size arrays such as
 * std::array<short, 4>, and SOA_EIGEN_COLUMN).
 */
export type FieldSchema =
  | { readonly kind: 'column'; readonly name: string; readonly elementType: ElementType }
  | { readonly kind: 'scalar'; readonly name: string; readonly elementType: ElementType }
  | { readonly kind: 'arrayColumn'; readonly name: string; readonly elementType: ElementType; readonly length: number }
  | {
      readonly kind: 'matrixColumn';
      readonly name: string;
      readonly elementType: ElementType;
      readonly rows: number;
      readonly columns: number;
    };

export interface LayoutOptions {
  /** Every field starts on a multiple of this many bytes (CMSSW's default: 128). A power of two. */
  readonly alignment?: number;
  /** Refuse buffers and columns that are not aligned (CMSSW's AlignmentEnforcement::enforced). */
  readonly alignmentEnforcement?: boolean;
}

/**
 * A layout as plain values: what soa-template's decorators build, what views and collections lay out, and
 * what the kernel compiler reads when a view is a kernel argument. `Fields` keeps the field names and types
 * of a layout written with defineLayout, so a kernel's view parameter is typed by column.
 */
export interface LayoutSchema<Fields extends readonly FieldSchema[] = readonly FieldSchema[]> {
  readonly kind: 'soaLayout';
  readonly name: string;
  readonly alignment: number;
  readonly alignmentEnforcement: boolean;
  readonly fields: Fields;
}

/** A layout given as a class decorated with soa-template's @soaLayout(), or as its schema. */
export type LayoutLike = LayoutSchema | (abstract new (...args: never[]) => unknown);

/** Whether two schemas lay out the same bytes and name the same fields (a class and its defineLayout twin). */
export function sameLayout(left: LayoutSchema, right: LayoutSchema): boolean {
  if (left === right) return true;
  if (left.alignment !== right.alignment || left.fields.length !== right.fields.length) return false;
  return left.fields.every((field, index) => {
    const other = right.fields[index] as FieldSchema;
    return (
      field.kind === other.kind &&
      field.name === other.name &&
      field.elementType === other.elementType &&
      (field.kind !== 'arrayColumn' || (other.kind === 'arrayColumn' && field.length === other.length)) &&
      (field.kind !== 'matrixColumn' ||
        (other.kind === 'matrixColumn' && field.rows === other.rows && field.columns === other.columns))
    );
  });
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const fieldKinds: readonly string[] = ['column', 'scalar', 'arrayColumn', 'matrixColumn'];
const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;

/** Builds and checks a layout schema; the same result the decorators give for the same fields. */
export function defineLayout<const Fields extends readonly FieldSchema[]>(
  name: string,
  fields: Fields,
  options: LayoutOptions = {},
): LayoutSchema<Fields> {
  const alignment = options.alignment ?? 128;
  if (!positiveInteger(alignment) || (alignment & (alignment - 1)) !== 0) {
    throw new InvalidArgumentError(`layout '${name}': the alignment ${alignment} must be a power of two.`);
  }
  const seen = new Set<string>();
  for (const field of fields) {
    if (!identifier.test(field.name))
      throw new InvalidArgumentError(`layout '${name}': '${field.name}' is not an identifier.`);
    if (seen.has(field.name)) throw new InvalidArgumentError(`layout '${name}' declares '${field.name}' twice.`);
    if (field.name === 'size') {
      throw new InvalidArgumentError(
        `layout '${name}': a field cannot be named 'size'; in kernels a view's size is its element count. Rename the field.`,
      );
    }
    const clash = reservedFieldName(field.name);
    if (clash !== undefined)
      throw new InvalidArgumentError(`layout '${name}': a field cannot be named '${field.name}', ${clash}. Rename it.`);
    if (!fieldKinds.includes(field.kind))
      throw new InvalidArgumentError(
        `layout '${name}', field '${field.name}': the kind '${String(field.kind)}' is not one of ${fieldKinds.join(', ')}.`,
      );
    seen.add(field.name);
    if (!isElementType(field.elementType))
      throw new InvalidArgumentError(
        `layout '${name}', field '${field.name}': the type must be an element type such as f64.`,
      );
    if (field.kind === 'arrayColumn' && !positiveInteger(field.length)) {
      throw new InvalidArgumentError(
        `layout '${name}', field '${field.name}': an array column needs a positive length, not ${field.length}.`,
      );
    }
    if (field.kind === 'matrixColumn' && (!positiveInteger(field.rows) || !positiveInteger(field.columns))) {
      throw new InvalidArgumentError(
        `layout '${name}', field '${field.name}': a matrix column needs positive rows and columns.`,
      );
    }
  }
  // Every field starts on a multiple of the alignment, so an alignment at least the largest element's size keeps
  // every element aligned for every size; a smaller one would misalign some columns for some sizes.
  const largest = fields.reduce((size, field) => Math.max(size, field.elementType.byteSize), 1);
  if (alignment < largest)
    throw new InvalidArgumentError(
      `layout '${name}': the alignment ${alignment} is smaller than its largest element (${largest} bytes), so some columns would start misaligned for some sizes; use an alignment of at least ${largest}.`,
    );
  const schema: LayoutSchema<Fields> = Object.freeze({
    kind: 'soaLayout',
    name,
    alignment,
    alignmentEnforcement: options.alignmentEnforcement ?? false,
    fields: Object.freeze([...fields]) as unknown as Fields,
  });
  checkedSchemas.add(schema);
  return schema;
}

// Schemas defineLayout made or checked. A schema written by hand (any object of kind 'soaLayout') is checked
// once, as defineLayout checks its fields, before anything lays it out or writes its names into code.
const checkedSchemas = new WeakSet<LayoutSchema>();

/** `schema`, after checking it as defineLayout checks a layout (once per schema object): a clear error otherwise. */
export function checkedLayoutSchema<Schema extends LayoutSchema>(schema: Schema): Schema {
  if (checkedSchemas.has(schema)) return schema;
  if (!Array.isArray(schema.fields) || typeof schema.alignment !== 'number')
    throw new InvalidArgumentError(
      `layout '${String(schema.name)}': a layout schema has an array of fields and a numeric alignment; make it with defineLayout.`,
    );
  defineLayout(String(schema.name), schema.fields, {
    alignment: schema.alignment,
    alignmentEnforcement: schema.alignmentEnforcement,
  });
  checkedSchemas.add(schema);
  return schema;
}
