import { type FieldSchema, InvalidArgumentError, type TypedArray } from '@alpaka-ts/interface';
import type { MatrixColumnView } from './matrix-column-view';
import { checkedElementValue, checkedFieldValues } from './row-values';

// CMSSW's `view[i] = {x, y, z, id, flags, m}`: every column of element i from one value_element. Everything is
// checked before anything is written, so a refused row changes nothing. Two functions per view: the checked one
// below, which explains what is wrong, and one compiled for the layout that only recognises a good row (every
// property read by name, each check a comparison) and hands anything else to the checked one, so a good row of
// plain columns costs a few nanoseconds (BENCHMARKS.md) and a bad one gets the full error.

/**
 * The function that writes element `index`'s every column from `values`: no unknown keys, every column given,
 * numbers the element type holds, array and matrix shapes.
 */
export function checkedRowAssigner(
  layoutName: string,
  fields: readonly FieldSchema[],
  column: (name: string) => TypedArray,
  matrix: (name: string) => MatrixColumnView,
): (index: number, values: Record<string, unknown>) => void {
  const columns = fields.filter((field) => field.kind !== 'scalar');
  const names = new Set(columns.map((field) => field.name));
  const arrays = columns.map((field) => (field.kind === 'matrixColumn' ? undefined : column(field.name)));
  const matrices = columns.map((field) => (field.kind === 'matrixColumn' ? matrix(field.name) : undefined));
  // The checked number of each plain column, or the checked numbers of an array or matrix column.
  const checked: Array<number | number[]> = new Array(columns.length).fill(0);
  const unknownKey = (key: string): never => {
    throw new InvalidArgumentError(
      `the row for '${layoutName}' has '${key}', which is not one of its columns (${[...names].join(', ')}).`,
    );
  };
  return (index, values) => {
    if (typeof values !== 'object' || values === null)
      throw new InvalidArgumentError(`a row for '${layoutName}' is an object of column values, not ${String(values)}.`);
    for (const key in values) if (!names.has(key)) unknownKey(key);
    for (let position = 0; position < columns.length; position++) {
      const field = columns[position] as FieldSchema;
      const value = values[field.name];
      if (value === undefined)
        throw new InvalidArgumentError(
          `the row for '${layoutName}' has no value for '${field.name}'; give every column.`,
        );
      checked[position] =
        field.kind === 'column'
          ? checkedElementValue(
              field.elementType,
              value,
              () => `the value of '${field.name}' in the row for '${layoutName}'`,
            )
          : checkedFieldValues(layoutName, field, value);
    }
    for (let position = 0; position < columns.length; position++) {
      const field = columns[position] as FieldSchema;
      const numbers = checked[position] as number | number[];
      if (typeof numbers === 'number') (arrays[position] as TypedArray)[index] = numbers;
      else if (field.kind === 'arrayColumn') (arrays[position] as TypedArray).set(numbers, index * numbers.length);
      else if (field.kind === 'matrixColumn') {
        // Coefficient k (column-major) is the k-th coefficient column's element `index`.
        const target = matrices[position] as MatrixColumnView;
        for (let coefficient = 0; coefficient < numbers.length; coefficient++)
          target.set(
            index,
            coefficient % field.rows,
            Math.floor(coefficient / field.rows),
            numbers[coefficient] as number,
          );
      }
    }
  };
}

/**
 * Refuses any field name that is not an identifier. Names go into compiled source (rows, assign), so each
 * compiler checks them itself, whatever made the schema and whatever was done to it after it was checked.
 */
export function checkSourceNames(layoutName: string, fields: readonly FieldSchema[]): void {
  for (const field of fields)
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field.name))
      throw new InvalidArgumentError(`layout '${layoutName}': '${field.name}' is not an identifier.`);
}

/** The test that a number fits an integer column without truncation or wrapping, as one comparison. */
export const integerFits: Readonly<Record<string, (value: string) => string>> = {
  i8: (value) => `((${value} << 24) >> 24) === ${value}`,
  u8: (value) => `(${value} & 0xff) === ${value}`,
  i16: (value) => `((${value} << 16) >> 16) === ${value}`,
  u16: (value) => `(${value} & 0xffff) === ${value}`,
  i32: (value) => `(${value} | 0) === ${value}`,
  u32: (value) => `${value} >>> 0 === ${value}`,
};

/**
 * The view's assign: a function compiled for the layout's columns that writes a good row directly and passes any
 * other to `checked`, which throws the reason.
 */
export function rowAssigner(
  layoutName: string,
  fields: readonly FieldSchema[],
  column: (name: string) => TypedArray,
  matrix: (name: string) => MatrixColumnView,
): (index: number, values: Record<string, unknown>) => void {
  const checked = checkedRowAssigner(layoutName, fields, column, matrix);
  const columns = fields.filter((field) => field.kind !== 'scalar');
  // Array and matrix columns (and bools) are rarer: their values go through the checked path's conversion. A
  // layout of scalars only has no row values at all.
  if (columns.length === 0 || columns.some((field) => field.kind !== 'column' || field.elementType.category === 'bool'))
    return checked;
  checkSourceNames(layoutName, columns);
  const arrays = columns.map((field) => column(field.name));
  const reads = columns.map((field, position) => `const v${position} = values.${field.name};`);
  const tests = columns.map((field, position) => {
    const fits = integerFits[field.elementType.name];
    return fits ? `typeof v${position} !== 'number' || !(${fits(`v${position}`)})` : `typeof v${position} !== 'number'`;
  });
  const keys = columns.map((field) => `case '${field.name}':`).join(' ');
  const writes = columns.map((_field, position) => `c${position}[index] = v${position};`);
  const source = `
    const [${arrays.map((_array, position) => `c${position}`).join(', ')}] = arrays;
    return function assign(index, values) {
      if (typeof values !== 'object' || values === null) return checked(index, values);
      ${reads.join('\n')}
      if (${tests.join(' || ')}) return checked(index, values);
      for (const key in values) switch (key) { ${keys} break; default: return checked(index, values); }
      ${writes.join('\n')}
    };`;
  return new Function('arrays', 'checked', source)(arrays, checked) as (
    index: number,
    values: Record<string, unknown>,
  ) => void;
}
