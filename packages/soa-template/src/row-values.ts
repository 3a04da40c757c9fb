import { type ElementType, type FieldSchema, InvalidArgumentError } from '@alpaka-ts/interface';

// What a row's values must be before row.assign writes any of them: every column's value of the right kind, each
// number representable in the column's element type, array and matrix values of the column's shape. A typed
// array's store would wrap, truncate or write NaN instead, silently.

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** The number to store for `value` in a field of `elementType`, or a clear error naming the field. */
export function checkedElementValue(elementType: ElementType, value: unknown, what: () => string): number {
  if (elementType.category === 'bool') {
    if (value === true || value === 1) return 1;
    if (value === false || value === 0) return 0;
    throw new InvalidArgumentError(`${what()} is a bool: true, false, 0 or 1, not ${String(value)}.`);
  }
  if (typeof value !== 'number') throw new InvalidArgumentError(`${what()} takes a number, not ${describe(value)}.`);
  if (elementType.category === 'float') return value;
  const bits = elementType.byteSize * 8;
  const minimum = elementType.category === 'signed' ? -(2 ** (bits - 1)) : 0;
  const maximum = elementType.category === 'signed' ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (!Number.isInteger(value) || value < minimum || value > maximum)
    throw new InvalidArgumentError(
      `${what()} is a ${elementType.name}: an integer from ${minimum} to ${maximum}, not ${value}.`,
    );
  return value;
}

const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number';

/**
 * The values to store for one non-scalar field of a row, checked: a column's number, an array column's `length`
 * numbers, a matrix column's coefficients in column-major order (given as a row-major nested array, rows of
 * columns, as a CMSSW user types an Eigen matrix, or flat in column-major order).
 */
export function checkedFieldValues(
  layoutName: string,
  field: FieldSchema,
  value: unknown,
  where = `in the row for '${layoutName}'`,
): number[] {
  const what = (suffix = '') => `the value of '${field.name}${suffix}' ${where}`;
  if (field.kind === 'column') return [checkedElementValue(field.elementType, value, what)];
  if (field.kind === 'arrayColumn') {
    if (!isArrayLike(value) || value.length !== field.length)
      throw new InvalidArgumentError(
        `${what()} takes ${field.length} values, not ${isArrayLike(value) ? `${value.length}` : describe(value)}.`,
      );
    return Array.from({ length: field.length }, (_, index) =>
      checkedElementValue(field.elementType, value[index], () => what(`[${index}]`)),
    );
  }
  if (field.kind !== 'matrixColumn') throw new Error(`internal error: a row has no ${field.kind} values`);
  const { rows, columns } = field;
  const shape = `a ${rows} x ${columns} matrix: ${rows} rows of ${columns} values, or ${rows * columns} values in column-major order`;
  if (!isArrayLike(value)) throw new InvalidArgumentError(`${what()} takes ${shape}, not ${describe(value)}.`);
  const coefficients: number[] = new Array(rows * columns);
  if (value.length > 0 && isArrayLike(value[0])) {
    if (value.length !== rows) throw new InvalidArgumentError(`${what()} takes ${shape}; it has ${value.length} rows.`);
    for (let row = 0; row < rows; row++) {
      const values = value[row];
      if (!isArrayLike(values) || values.length !== columns)
        throw new InvalidArgumentError(
          `${what()} takes ${shape}; row ${row} has ${isArrayLike(values) ? values.length : 'no'} values.`,
        );
      for (let column = 0; column < columns; column++)
        coefficients[column * rows + row] = checkedElementValue(field.elementType, values[column], () =>
          what(`[${row}][${column}]`),
        );
    }
    return coefficients;
  }
  if (value.length !== rows * columns)
    throw new InvalidArgumentError(`${what()} takes ${shape}; it has ${value.length} values.`);
  for (let index = 0; index < rows * columns; index++)
    coefficients[index] = checkedElementValue(field.elementType, value[index], () => what(`[${index}]`));
  return coefficients;
}
