import { type FieldSchema, InvalidArgumentError, type LayoutSchema, type TypedArray } from '@alpaka-ts/interface';
import { type ElementMethods, elementMethodsOf, onElementMethodsRegistered } from './element-methods';
import type { MatrixColumnView } from './matrix-column-view';
import { checkSourceNames, integerFits, rowAssigner } from './row-assign';
import { checkedElementValue, checkedFieldValues } from './row-values';

// CMSSW's element and const_element (view[i]): an object per element whose properties are that element's
// values, read and written through to the columns. A row holds two things, its view's storage and its index;
// the accessors are on a class compiled once per layout (and constness), with every column's name written into
// its source, so every view of a layout, across events, makes rows of one class: property accesses on rows
// stay monomorphic, V8 inlines them, and in a loop it need not even allocate the row (BENCHMARKS.md).

/** Where a row keeps its element index and its view's storage (symbols, so no field name can clash). */
export const rowIndex: unique symbol = Symbol('soa row index');
const rowStorage: unique symbol = Symbol('soa row storage');

/** Element i's matrix of a matrix column, as CMSSW's `view[i].m()` Eigen map: coefficients and the whole matrix. */
export interface ElementMatrix {
  get(row: number, column: number): number;
  set(row: number, column: number, value: number): void;
  /** Rows of columns. */
  getMatrix(): number[][];
  /** From rows of columns, or flat in column-major order; the shape is checked first. */
  setMatrix(value: ArrayLike<number> | ArrayLike<ArrayLike<number>>): void;
}

/** What the rows of one view need of it: its columns by name (`c_<name>`), and how it reaches the rest. */
export interface RowStorage {
  readonly layoutName: string;
  element(name: string, index: number): TypedArray;
  matrix(name: string): MatrixColumnView;
  /** Writes element `index` from a whole row (a const view's refuses). */
  readonly assign: (index: number, values: Record<string, unknown>) => void;
  readonly [column: `c_${string}`]: TypedArray;
}

/** What every row has beside its columns (assign, which const rows lack, is in Row and RowProxy). */
export interface RowBase {
  readonly [rowIndex]: number;
  /** The element's values as a plain object: numbers, arrays of numbers and matrices as rows of columns. */
  toJSON(): Record<string, number | number[] | number[][]>;
}

type RowClass = new (storage: RowStorage, index: number) => RowBase;

/** The calls a compiled row class makes for what is not a plain column. */
const helpers = {
  refuse(layoutName: string, name: string): never {
    throw new InvalidArgumentError(`'${name}' cannot be written through a const view of '${layoutName}'.`);
  },
  checkedValue(storage: RowStorage, field: FieldSchema, value: unknown): number {
    return checkedElementValue(
      field.elementType,
      value,
      () => `the value of '${field.name}' written to a row of '${storage.layoutName}'`,
    );
  },
  setArray(storage: RowStorage, field: FieldSchema, index: number, value: unknown): void {
    const where = `written to a row of '${storage.layoutName}'`;
    const numbers = checkedFieldValues(storage.layoutName, field, value, where);
    (storage[`c_${field.name}`] as TypedArray).set(numbers, index * numbers.length);
  },
  elementMatrix(storage: RowStorage, name: string, index: number): ElementMatrix {
    const matrix = storage.matrix(name);
    return Object.freeze({
      get: (row: number, column: number) => matrix.get(index, row, column),
      set: (row: number, column: number, value: number) => matrix.set(index, row, column, value),
      getMatrix: () => matrix.getMatrix(index),
      setMatrix: (value: ArrayLike<number> | ArrayLike<ArrayLike<number>>) => matrix.setMatrix(index, value),
    });
  },
};

/** The source of one field's accessors: `s` is the row's storage and `i` its index. */
function accessorSource(field: FieldSchema, position: number, readOnly: boolean): string {
  const name = field.name;
  const s = 'this[rowStorage]';
  const i = 'this[rowIndex]';
  const refuse = `helpers.refuse(${s}.layoutName, '${name}');`;
  if (field.kind === 'column') {
    // A value is checked as row.assign checks it: a number (the checks are one comparison each), a bool 0/1.
    const fits = integerFits[field.elementType.name];
    const write =
      field.elementType.category === 'bool'
        ? `${s}.c_${name}[${i}] = helpers.checkedValue(${s}, fields[${position}], value);`
        : `if (typeof value !== 'number'${fits ? ` || !(${fits('value')})` : ''}) helpers.checkedValue(${s}, fields[${position}], value);
           ${s}.c_${name}[${i}] = value;`;
    return `get ${name}() { return ${s}.c_${name}[${i}]; }
      set ${name}(value) { ${readOnly ? refuse : write} }`;
  }
  if (field.kind === 'arrayColumn')
    return `get ${name}() { return ${s}.element('${name}', ${i}); }
      set ${name}(value) { ${readOnly ? refuse : `helpers.setArray(${s}, fields[${position}], ${i}, value);`} }`;
  // CMSSW's `view[i].m() = matrix`: rows of columns or flat column-major, shape-checked (a const view's refuses).
  return `get ${name}() { return helpers.elementMatrix(${s}, '${name}', ${i}); }
    set ${name}(value) { ${s}.matrix('${name}').setMatrix(${i}, value); }`;
}

function compileRowClass(schema: LayoutSchema, readOnly: boolean, methods: ElementMethods): RowClass {
  const fields = schema.fields.filter((field) => field.kind !== 'scalar');
  checkSourceNames(schema.name, fields);
  const values = fields.map((field) => {
    const read = `this.${field.name}`;
    return `${field.name}: ${field.kind === 'column' ? read : field.kind === 'arrayColumn' ? `Array.from(${read})` : `${read}.getMatrix()`}`;
  });
  const source = `
    class Row {
      // Fields, so they are defined on the row itself and not set through the prototype chain's guard below.
      [rowStorage] = undefined;
      [rowIndex] = 0;
      constructor(storage, index) {
        this[rowStorage] = storage;
        this[rowIndex] = index;
      }
      ${fields.map((field, position) => accessorSource(field, position, readOnly)).join('\n')}
      assign(values) { this[rowStorage].assign(this[rowIndex], values); }
      toJSON() { return { ${values.join(', ')} }; }
    }
    return Row;`;
  const Row = new Function('rowStorage', 'rowIndex', 'helpers', 'fields', source)(
    rowStorage,
    rowIndex,
    helpers,
    fields,
  ) as RowClass;
  const prototype = Row.prototype as unknown as Record<string | symbol, unknown>;
  // Node's console.log and util.inspect show the element's values, not the row's storage.
  Object.defineProperty(prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value(this: RowBase) {
      return this.toJSON();
    },
  });
  // Next in the chain, the layout's element methods, on an object of their own: a registration made after rows
  // exist replaces them there, and every row, old or new, has the new ones (no per-access check).
  const methodHolder = Object.create(null) as Record<string, unknown>;
  setMethods(methodHolder, methods);
  methodHolders.push({ schema: new WeakRef(schema), holder: new WeakRef(methodHolder) });
  Object.setPrototypeOf(prototype, methodHolder);
  // Past the accessors and methods, the chain ends in a guard: a write to anything that is not a column (a typo) throws,
  // instead of adding a property that goes nowhere. Reads of unknown names stay undefined, as for any object.
  const columns = fields.map((field) => field.name).join(', ');
  const refuse = (_target: object, key: string | symbol): never => {
    throw new InvalidArgumentError(
      `a row of '${schema.name}' has no column '${String(key)}' to write; its columns are ${columns}.`,
    );
  };
  Object.setPrototypeOf(
    methodHolder,
    new Proxy(Object.create(Object.prototype), { set: refuse, defineProperty: refuse }),
  );
  return Row;
}

function setMethods(holder: Record<string, unknown>, methods: ElementMethods): void {
  for (const name of Object.getOwnPropertyNames(holder)) if (!(name in methods)) delete holder[name];
  for (const [name, method] of Object.entries(methods))
    Object.defineProperty(holder, name, { value: method, configurable: true });
}

// The method objects of compiled row classes (weakly: a layout's classes go when it goes), refreshed whenever
// element methods are registered.
const methodHolders: Array<{ schema: WeakRef<LayoutSchema>; holder: WeakRef<Record<string, unknown>> }> = [];
onElementMethodsRegistered(() => {
  for (let index = methodHolders.length - 1; index >= 0; index--) {
    const entry = methodHolders[index] as (typeof methodHolders)[number];
    const schema = entry.schema.deref();
    const holder = entry.holder.deref();
    if (schema === undefined || holder === undefined) methodHolders.splice(index, 1);
    else setMethods(holder, elementMethodsOf(schema));
  }
});

// One class per layout schema and constness.
const compiled = new WeakMap<LayoutSchema, { writable?: RowClass; readOnly?: RowClass }>();

/** The class of the rows of views of `schema`: `new Row(storage, i)` is element i of the storage's view. */
export function rowClass(schema: LayoutSchema, readOnly: boolean): RowClass {
  let entry = compiled.get(schema);
  if (entry === undefined) {
    entry = {};
    compiled.set(schema, entry);
  }
  const kind = readOnly ? 'readOnly' : 'writable';
  entry[kind] ??= compileRowClass(schema, readOnly, elementMethodsOf(schema));
  return entry[kind];
}

/** A view's row storage with the row class of its layout: what `view.at(i)` makes a row from. */
export type ViewRowStorage = RowStorage & { readonly Row: RowClass };

/** What a view gives its rows: its layout, constness, typed arrays and accessors. */
export interface RowStorageSource {
  readonly schema: LayoutSchema;
  readonly readOnly: boolean;
  readonly rawColumns: Readonly<Record<string, TypedArray>>;
  element(name: string, index: number): TypedArray;
  matrix(name: string): MatrixColumnView;
  writable(what: string): void;
}

/** The storage the rows of one view share (made once per view, on its first at()). */
export function viewRowStorage(view: RowStorageSource): ViewRowStorage {
  const storage: Record<string, unknown> = {
    Row: rowClass(view.schema, view.readOnly),
    layoutName: view.schema.name,
    element: view.element,
    matrix: view.matrix,
    assign: view.readOnly
      ? () => view.writable('a row')
      : rowAssigner(view.schema.name, view.schema.fields, (name) => view.rawColumns[name] as TypedArray, view.matrix),
  };
  for (const [name, values] of Object.entries(view.rawColumns)) storage[`c_${name}`] = values;
  return storage as unknown as ViewRowStorage;
}
