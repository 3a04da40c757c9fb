/**
 * Element types of buffers and kernel scalars. Each maps to a typed array on the host and to a C type on
 * devices. `bool` is stored as one byte (0 or 1), as C++ `bool` is.
 */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

export interface TypedArrayConstructor<Array extends TypedArray> {
  new (length: number): Array;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): Array;
  readonly BYTES_PER_ELEMENT: number;
}

export type ElementCategory = 'bool' | 'signed' | 'unsigned' | 'float';

export interface ElementType<Name extends string = string, Array extends TypedArray = TypedArray> {
  readonly kind: 'element';
  readonly name: Name;
  readonly byteSize: number;
  readonly category: ElementCategory;
  /** The type's name in the C++ the kernel compiler emits for CUDA and HIP. */
  readonly cType: string;
  readonly arrayConstructor: TypedArrayConstructor<Array>;
  /** Converts a JavaScript number to this type as a C cast would (wrapping integers, rounding f32). */
  readonly convert: (value: number) => number;
}

function elementType<Name extends string, Array extends TypedArray>(
  name: Name,
  category: ElementCategory,
  cType: string,
  arrayConstructor: TypedArrayConstructor<Array>,
  convert: (value: number) => number,
): ElementType<Name, Array> {
  return Object.freeze({
    kind: 'element',
    name,
    byteSize: arrayConstructor.BYTES_PER_ELEMENT,
    category,
    cType,
    arrayConstructor,
    convert,
  });
}

// Float-to-integer conversion truncates toward zero, as C does; out-of-range values wrap (C leaves them undefined).
const truncate = (value: number): number => (Number.isFinite(value) ? Math.trunc(value) : 0);

export const bool = elementType('bool', 'bool', 'bool', Uint8Array, (value) => (value ? 1 : 0));
export const i8 = elementType('i8', 'signed', 'int8_t', Int8Array, (value) => (truncate(value) << 24) >> 24);
export const u8 = elementType('u8', 'unsigned', 'uint8_t', Uint8Array, (value) => truncate(value) & 0xff);
export const i16 = elementType('i16', 'signed', 'int16_t', Int16Array, (value) => (truncate(value) << 16) >> 16);
export const u16 = elementType('u16', 'unsigned', 'uint16_t', Uint16Array, (value) => truncate(value) & 0xffff);
export const i32 = elementType('i32', 'signed', 'int32_t', Int32Array, (value) => truncate(value) | 0);
export const u32 = elementType('u32', 'unsigned', 'uint32_t', Uint32Array, (value) => truncate(value) >>> 0);
export const f32 = elementType('f32', 'float', 'float', Float32Array, Math.fround);
export const f64 = elementType('f64', 'float', 'double', Float64Array, (value) => +value);

export const elementTypes = { bool, i8, u8, i16, u16, i32, u32, f32, f64 } as const;
export type ElementTypeName = keyof typeof elementTypes;
export type AnyElementType = (typeof elementTypes)[ElementTypeName];
/** The host array type of an element type: `ArrayOf<typeof f32>` is Float32Array. */
export type ArrayOf<T extends ElementType> = T extends ElementType<string, infer Array> ? Array : never;

const knownElementTypes: ReadonlySet<unknown> = new Set(Object.values(elementTypes));

/**
 * Whether the value is one of alpaka-ts's element types (the frozen objects above, by identity): an object that
 * merely looks like one (`{ kind: 'element' }` without a byte size) would make every size computed from it NaN.
 */
export function isElementType(value: unknown): value is ElementType {
  return knownElementTypes.has(value);
}

export const isIntegerType = (type: ElementType): boolean => type.category === 'signed' || type.category === 'unsigned';
