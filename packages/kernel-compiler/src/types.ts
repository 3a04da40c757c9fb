import type { ArrayAccess, ElementTypeName } from '@alpaka-ts/interface';

/**
 * The types of the kernel language. Scalars are the element types; arrays are typed arrays on the host and
 * pointers on devices, in global or block-shared memory; vectors are the index vectors of getIdx and the
 * ND loop (u32 components); an element index is the { global, local } pair of the group-element loops.
 */
export type ScalarType = ElementTypeName;

export type ValueType =
  | { readonly kind: 'scalar'; readonly scalar: ScalarType }
  | {
      readonly kind: 'array';
      readonly element: ScalarType;
      readonly access: ArrayAccess;
      readonly space: 'global' | 'shared';
    }
  | { readonly kind: 'view'; readonly layout: ViewLayout; readonly access: ArrayAccess }
  | { readonly kind: 'vector'; readonly length: number }
  | { readonly kind: 'elementIndex' }
  | {
      readonly kind: 'function';
      readonly id: string;
      readonly name: string;
      readonly parameters: readonly ValueType[];
      readonly returns: ScalarType | undefined;
    }
  | { readonly kind: 'void' };

/** One field of a view's layout, as kernels see it. */
export interface ViewFieldIR {
  readonly name: string;
  readonly kind: 'column' | 'scalar' | 'arrayColumn' | 'matrixColumn';
  readonly element: ScalarType;
  /** Values per element of an array column; 1 otherwise. */
  readonly length: number;
  /** Rows and columns of a matrix column; 1 otherwise. */
  readonly rows: number;
  readonly columns: number;
}

/** An SoA layout as the kernel language sees it: fields by name; `id` names its C++ struct. */
export interface ViewLayout {
  readonly id: string;
  readonly name: string;
  readonly fields: readonly ViewFieldIR[];
}

export const scalar = (name: ScalarType): ValueType => ({ kind: 'scalar', scalar: name });
export const voidType: ValueType = { kind: 'void' };

export const isFloat = (type: ScalarType): boolean => type === 'f32' || type === 'f64';
export const isInteger = (type: ScalarType): boolean => !isFloat(type) && type !== 'bool';
export const isUnsigned = (type: ScalarType): boolean => type === 'u8' || type === 'u16' || type === 'u32';

export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar;
    case 'array':
      return `${type.space === 'shared' ? 'shared ' : ''}array of ${type.element}${type.access === 'in' ? " ('in')" : ''}`;
    case 'view':
      return `view of '${type.layout.name}'${type.access === 'in' ? " ('in')" : ''}`;
    case 'vector':
      return `index vector of ${type.length}`;
    case 'elementIndex':
      return 'element index { global, local }';
    case 'function':
      return `device function '${type.name}'`;
    case 'void':
      return 'nothing (void)';
  }
}

/**
 * C's usual arithmetic conversions, for our types: any f64 gives f64, else any f32 gives f32; integers
 * narrower than 32 bits (and bool) promote to i32; i32 with u32 gives u32.
 */
export function arithmeticResult(left: ScalarType, right: ScalarType): ScalarType {
  if (left === 'f64' || right === 'f64') return 'f64';
  if (left === 'f32' || right === 'f32') return 'f32';
  if (left === 'u32' || right === 'u32') return 'u32';
  return 'i32';
}

/** The type an integer operand has after C's integer promotion. */
export const promoted = (type: ScalarType): ScalarType => (isFloat(type) || type === 'u32' ? type : 'i32');
