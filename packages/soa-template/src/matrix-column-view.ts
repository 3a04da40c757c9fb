import type { FieldLayout, TypedArray } from '@alpaka-ts/interface';
import { readOnlyTypedArray } from './read-only-array';
import { checkedElementValue, checkedFieldValues } from './row-values';
import { SoaRangeError } from './soa-range-error';

/** A matrix column: coefficient (row, column) of element i, and each coefficient's own column of N values. */
export interface MatrixColumnView {
  get(element: number, row: number, column: number): number;
  set(element: number, row: number, column: number, value: number): void;
  coefficient(row: number, column: number): TypedArray;
  /** Element i's matrix, row-major: rows of columns, as a CMSSW user reads an Eigen matrix. */
  getMatrix(element: number): number[][];
  /** Writes element i's matrix from rows of columns, or flat in column-major order; the shape is checked first. */
  setMatrix(element: number, value: ArrayLike<number> | ArrayLike<ArrayLike<number>>): void;
}

/** What a matrix column's accessor needs of its view: its name, size and start, and its checks. */
export interface MatrixColumnAccess {
  readonly layoutName: string;
  readonly size: number;
  readonly byteOffset: number;
  readonly readOnly: boolean;
  writable(what: string): void;
  checkIndex(what: string, index: number): void;
  /** A column of N values as the view hands it out: behind an index-checking proxy with range checking on. */
  checkedColumn(values: TypedArray, what: string): TypedArray;
}

/**
 * CMSSW's SOA_EIGEN_COLUMN as a view sees it: one column of N values per coefficient, stored in column-major
 * order as Eigen stores them; coefficients one by one, a coefficient's column, or element i's whole matrix.
 */
export function matrixColumnView(
  view: MatrixColumnAccess,
  placed: FieldLayout,
  array: (length: number, at?: number) => TypedArray,
): MatrixColumnView {
  const field = placed.field;
  if (field.kind !== 'matrixColumn') throw new Error('internal error: not a matrix column');
  const coefficients = Array.from({ length: field.rows * field.columns }, (_, index) =>
    array(view.size, view.byteOffset + placed.offset + index * placed.coefficientStride),
  );
  const coefficientOf = (row: number, column: number): TypedArray => {
    if (
      !(
        Number.isInteger(row) &&
        row >= 0 &&
        row < field.rows &&
        Number.isInteger(column) &&
        column >= 0 &&
        column < field.columns
      )
    ) {
      throw new SoaRangeError(
        `coefficient (${row}, ${column}) is outside the ${field.rows} x ${field.columns} matrix '${field.name}'.`,
      );
    }
    return coefficients[column * field.rows + row] as TypedArray;
  };
  return Object.freeze({
    get: (element: number, row: number, column: number) => {
      view.checkIndex(field.name, element);
      return coefficientOf(row, column)[element] as number;
    },
    set: (element: number, row: number, column: number, value: number) => {
      view.writable(field.name);
      view.checkIndex(field.name, element);
      const target = coefficientOf(row, column);
      target[element] = checkedElementValue(
        field.elementType,
        value,
        () => `the value of '${field.name}(${row}, ${column})'`,
      );
    },
    getMatrix: (element: number) => {
      view.checkIndex(field.name, element);
      return Array.from({ length: field.rows }, (_, row) =>
        Array.from({ length: field.columns }, (_, column) => coefficientOf(row, column)[element] as number),
      );
    },
    setMatrix: (element: number, value: ArrayLike<number> | ArrayLike<ArrayLike<number>>) => {
      view.writable(field.name);
      view.checkIndex(field.name, element);
      const checked = checkedFieldValues(
        view.layoutName,
        field,
        value,
        `given to setMatrix(${element}) of '${view.layoutName}'`,
      );
      checked.forEach((coefficient, index) => {
        (coefficients[index] as TypedArray)[element] = coefficient;
      });
    },
    coefficient: (row: number, column: number) => {
      const values = view.checkedColumn(coefficientOf(row, column), `${field.name}(${row}, ${column})`);
      return view.readOnly ? readOnlyTypedArray(values, field.name, view.layoutName) : values;
    },
  });
}
