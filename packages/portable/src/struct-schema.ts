import { type ElementType, InvalidArgumentError, isElementType } from '@alpaka-ts/interface';

/** One schema-defined struct (the T of CMSSW's PortableHostObject<T>): named fields laid out as a C struct. */
export interface StructSchema {
  readonly kind: 'struct';
  readonly name: string;
  readonly fields: ReadonlyArray<{ readonly name: string; readonly elementType: ElementType; readonly offset: number }>;
  /** sizeof(T): the fields at their natural alignment, rounded up to the largest alignment. */
  readonly byteSize: number;
}

/** Two structs are the same when their fields are (names, types, offsets, in order), not only the same object. */
export function sameStruct(left: StructSchema, right: StructSchema): boolean {
  if (left === right) return true;
  return (
    left.byteSize === right.byteSize &&
    left.fields.length === right.fields.length &&
    left.fields.every((field, index) => {
      const other = right.fields[index];
      return (
        other !== undefined &&
        field.name === other.name &&
        field.elementType === other.elementType &&
        field.offset === other.offset
      );
    })
  );
}

/** Lays out fields in declaration order at their natural alignment, as a C compiler lays out a struct of them. */
export function defineStruct(name: string, fields: Readonly<Record<string, ElementType>>): StructSchema {
  let offset = 0;
  let largest = 1;
  const placed = Object.entries(fields).map(([field, elementType]) => {
    if (!isElementType(elementType))
      throw new InvalidArgumentError(
        `struct '${name}', field '${field}': the type must be an element type such as f64.`,
      );
    const size = elementType.byteSize;
    offset = Math.ceil(offset / size) * size;
    largest = Math.max(largest, size);
    const at = offset;
    offset += size;
    return { name: field, elementType, offset: at };
  });
  if (placed.length === 0) throw new InvalidArgumentError(`struct '${name}' has no fields.`);
  return Object.freeze({
    kind: 'struct',
    name,
    fields: Object.freeze(placed),
    byteSize: Math.ceil(offset / largest) * largest,
  });
}
