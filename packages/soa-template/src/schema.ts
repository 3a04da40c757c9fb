import { type ElementType, InvalidArgumentError, isElementType } from '@alpaka-ts/interface';

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

/** A layout as plain values: what the decorators build, and what the kernel compiler will read. */
export interface LayoutSchema {
  readonly kind: 'soaLayout';
  readonly name: string;
  readonly alignment: number;
  readonly alignmentEnforcement: boolean;
  readonly fields: readonly FieldSchema[];
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;

/** Builds and checks a layout schema; the same result the decorators give for the same fields. */
export function defineLayout(name: string, fields: readonly FieldSchema[], options: LayoutOptions = {}): LayoutSchema {
  const alignment = options.alignment ?? 128;
  if (!positiveInteger(alignment) || (alignment & (alignment - 1)) !== 0) {
    throw new InvalidArgumentError(`layout '${name}': the alignment ${alignment} must be a power of two.`);
  }
  const seen = new Set<string>();
  for (const field of fields) {
    if (!identifier.test(field.name))
      throw new InvalidArgumentError(`layout '${name}': '${field.name}' is not an identifier.`);
    if (seen.has(field.name)) throw new InvalidArgumentError(`layout '${name}' declares '${field.name}' twice.`);
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
  return Object.freeze({
    kind: 'soaLayout',
    name,
    alignment,
    alignmentEnforcement: options.alignmentEnforcement ?? false,
    fields: Object.freeze([...fields]),
  });
}
