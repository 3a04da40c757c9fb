import { InvalidArgumentError } from './errors';
import type { FieldSchema, LayoutSchema } from './soa-schema';

/** Rounds a byte count up to a multiple of the alignment (CMSSW's alignSize). */
export const alignSize = (bytes: number, alignment: number): number => Math.ceil(bytes / alignment) * alignment;

export interface FieldLayout {
  readonly field: FieldSchema;
  /** Bytes from the start of the buffer. */
  readonly offset: number;
  /** Bytes the field takes, padding included. */
  readonly byteSize: number;
  /** Bytes of padding at the end of the field. */
  readonly padding: number;
  /**
   * Bytes between consecutive coefficients of a matrix column (each coefficient is its own aligned column of
   * N values, coefficients in column-major order); the element size for other fields.
   */
  readonly coefficientStride: number;
}

export interface Layout {
  readonly schema: LayoutSchema;
  /** Number of elements (rows). */
  readonly size: number;
  readonly byteSize: number;
  readonly fields: readonly FieldLayout[];
  field(name: string): FieldLayout;
}

function fieldBytes(
  field: FieldSchema,
  size: number,
  alignment: number,
): { raw: number; padded: number; stride: number } {
  const element = field.elementType.byteSize;
  switch (field.kind) {
    case 'column':
      return { raw: size * element, padded: alignSize(size * element, alignment), stride: element };
    case 'scalar':
      return { raw: element, padded: alignSize(element, alignment), stride: element };
    case 'arrayColumn':
      return {
        raw: size * element * field.length,
        padded: alignSize(size * element * field.length, alignment),
        stride: element,
      };
    case 'matrixColumn': {
      const coefficient = alignSize(size * element, alignment);
      const coefficients = field.rows * field.columns;
      return { raw: size * element * coefficients, padded: coefficient * coefficients, stride: coefficient };
    }
  }
}

/** Offsets, sizes and padding of every field for `size` elements, in declaration order as CMSSW lays them out. */
export function computeLayout(schema: LayoutSchema, size: number): Layout {
  if (!Number.isInteger(size) || size < 0 || size > 0xffffffff) {
    throw new InvalidArgumentError(`layout '${schema.name}': the size ${size} is not an element count in 0 … 2^32-1.`);
  }
  let offset = 0;
  const fields = schema.fields.map((field): FieldLayout => {
    const { raw, padded, stride } = fieldBytes(field, size, schema.alignment);
    const placed = { field, offset, byteSize: padded, padding: padded - raw, coefficientStride: stride };
    offset += padded;
    return placed;
  });
  const byName = new Map(fields.map((placed) => [placed.field.name, placed]));
  return Object.freeze({
    schema,
    size,
    byteSize: offset,
    fields,
    field(name: string): FieldLayout {
      const found = byName.get(name);
      if (!found)
        throw new InvalidArgumentError(
          `layout '${schema.name}' has no field '${name}'; its fields are ${schema.fields.map((field) => field.name).join(', ')}.`,
        );
      return found;
    },
  });
}

/** Bytes a buffer needs for `size` elements of the layout (CMSSW's computeDataSize). */
export const computeDataSize = (schema: LayoutSchema, size: number): number => computeLayout(schema, size).byteSize;
