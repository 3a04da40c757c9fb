import {
  type Buffer,
  computeLayout,
  createView,
  type FieldLayout,
  InvalidArgumentError,
  type KernelViewArgument,
  type Layout,
  type LayoutSchema,
  sameLayout,
  type TypedArray,
} from '@alpaka-ts/interface';
import { type MatrixColumnAccess, type MatrixColumnView, matrixColumnView } from './matrix-column-view';
import { readOnlyTypedArray } from './read-only-array';
import { checkedFieldValues } from './row-values';
import { SoaRangeError } from './soa-range-error';

export interface ViewOptions {
  /** Check element indices in at(), element(), matrix get/set (CMSSW's RangeChecking::enabled). */
  readonly rangeChecking?: boolean;
  /** A const view: scalar, row and matrix writes throw (the column arrays are still live memory). */
  readonly readOnly?: boolean;
  /**
   * The Buffer these bytes belong to, which kernels receive when the view is a kernel argument (collections
   * pass theirs, so pinned memory stays pinned). Without it, the view makes a host Buffer over its bytes.
   */
  readonly buffer?: Buffer;
}

/** An element's values across every column (not scalars): reads and writes through to the buffer. */
export type RowProxy = Record<
  string,
  number | TypedArray | MatrixColumnView | ((row: Record<string, unknown>) => void)
> & {
  assign(row: Record<string, number | boolean | ArrayLike<number> | ArrayLike<ArrayLike<number>>>): void;
};

export type { MatrixColumnView } from './matrix-column-view';
export { SoaRangeError } from './soa-range-error';

/**
 * A view of an SoA layout over host memory (CMSSW's View and ConstView): every column as a typed array over
 * the buffer (`view.columns.x[i]`), scalars as properties (`view.scalars.r`), array columns as typed arrays of
 * N·k values with element(name, i) giving element i's k, matrix columns by (element, row, column), and
 * at(i) for a row proxy.
 */
export class SoaView implements KernelViewArgument {
  readonly layout: Layout;
  /** Column name → the column's values (array columns: N·k values; matrix columns: not here, see matrix()). */
  readonly columns: Readonly<Record<string, TypedArray>>;
  readonly scalars: Record<string, number>;
  private readonly matrices = new Map<string, MatrixColumnView>();
  private ownBuffer: Buffer | undefined;

  constructor(
    readonly schema: LayoutSchema,
    size: number,
    readonly arrayBuffer: ArrayBufferLike,
    readonly byteOffset = 0,
    readonly options: ViewOptions = {},
  ) {
    this.layout = computeLayout(schema, size);
    const needed = byteOffset + this.layout.byteSize;
    if (needed > arrayBuffer.byteLength) {
      throw new InvalidArgumentError(
        `a view of '${schema.name}' for ${size} elements needs ${this.layout.byteSize} bytes at offset ${byteOffset}; the buffer has ${arrayBuffer.byteLength - byteOffset}.`,
      );
    }
    if (schema.alignmentEnforcement && byteOffset % schema.alignment !== 0) {
      throw new InvalidArgumentError(
        `layout '${schema.name}' enforces ${schema.alignment}-byte alignment, and the view starts at byte ${byteOffset}.`,
      );
    }
    const columns: Record<string, TypedArray> = {};
    const scalars: Record<string, number> = {};
    for (const placed of this.layout.fields) {
      const { field } = placed;
      const start = byteOffset + placed.offset;
      if (start % field.elementType.byteSize !== 0) {
        throw new InvalidArgumentError(
          `field '${field.name}' of '${schema.name}' would start at byte ${start}, not a multiple of ${field.elementType.byteSize}; use an alignment of at least 8.`,
        );
      }
      const array = (length: number, at = start) => new field.elementType.arrayConstructor(arrayBuffer, at, length);
      if (field.kind === 'column') columns[field.name] = array(size);
      else if (field.kind === 'arrayColumn') columns[field.name] = array(size * field.length);
      else if (field.kind === 'matrixColumn')
        this.matrices.set(field.name, matrixColumnView(this.matrixAccess(), placed, array));
      else {
        const cell = array(1);
        Object.defineProperty(scalars, field.name, {
          enumerable: true,
          get: () => cell[0],
          set: (value: number) => {
            this.writable(field.name);
            cell[0] = value;
          },
        });
      }
    }
    this.columns = Object.freeze(columns);
    this.scalars = Object.seal(scalars);
  }

  get size(): number {
    return this.layout.size;
  }

  /** Whether this is a const view (a kernel takes it only for a view(Layout, 'in') parameter). */
  get readOnly(): boolean {
    return this.options.readOnly === true;
  }

  /** The view's bytes as a u8 Buffer: what a kernel launch passes for a view parameter (KernelViewArgument). */
  get buffer(): Buffer {
    this.ownBuffer ??=
      this.options.buffer ?? createView(new Uint8Array(this.arrayBuffer, this.byteOffset, this.layout.byteSize));
    return this.ownBuffer;
  }

  private writable(what: string): void {
    if (this.options.readOnly)
      throw new InvalidArgumentError(`'${what}' cannot be written through a const view of '${this.schema.name}'.`);
  }

  /** What a matrix column's accessor needs of its view. */
  private matrixAccess(): MatrixColumnAccess {
    return {
      layoutName: this.schema.name,
      size: this.size,
      byteOffset: this.byteOffset,
      readOnly: this.readOnly,
      writable: (what) => this.writable(what),
      checkIndex: (what, index) => this.checkIndex(what, index),
    };
  }

  private checkIndex(what: string, index: number): void {
    if (this.options.rangeChecking && !(Number.isInteger(index) && index >= 0 && index < this.size)) {
      throw new SoaRangeError(
        `index ${index} of '${what}' is out of range for '${this.schema.name}' of ${this.size} elements.`,
      );
    }
  }

  /** A matrix column's accessor. */
  matrix(name: string): MatrixColumnView {
    const found = this.matrices.get(name);
    if (!found) throw new InvalidArgumentError(`'${name}' is not a matrix column of '${this.schema.name}'.`);
    return found;
  }

  /** Element i's k values of an array column, as a typed array over the buffer. */
  element(name: string, index: number): TypedArray {
    const placed = this.layout.field(name);
    if (placed.field.kind !== 'arrayColumn')
      throw new InvalidArgumentError(`'${name}' is not an array column of '${this.schema.name}'.`);
    this.checkIndex(name, index);
    const length = placed.field.length;
    const values = (this.columns[name] as TypedArray).subarray(index * length, (index + 1) * length);
    return this.readOnly ? readOnlyTypedArray(values, name, this.schema.name) : values;
  }

  /**
   * Writes element `index`'s every column from `values`, all checked before any is written (a wrong row changes
   * nothing): no unknown keys, every column given, numbers the element type holds, array and matrix shapes.
   */
  private assignRow(index: number, values: Record<string, unknown>): void {
    this.writable('a row');
    const name = this.schema.name;
    if (typeof values !== 'object' || values === null)
      throw new InvalidArgumentError(`a row for '${name}' is an object of column values, not ${String(values)}.`);
    const columns = this.layout.fields.filter(({ field }) => field.kind !== 'scalar').map(({ field }) => field);
    for (const key of Object.keys(values)) {
      if (!columns.some((field) => field.name === key))
        throw new InvalidArgumentError(
          `the row for '${name}' has '${key}', which is not one of its columns (${columns.map((field) => field.name).join(', ')}).`,
        );
    }
    const checked = columns.map((field) => {
      if (values[field.name] === undefined)
        throw new InvalidArgumentError(`the row for '${name}' has no value for '${field.name}'; give every column.`);
      return checkedFieldValues(name, field, values[field.name]);
    });
    columns.forEach((field, position) => {
      const numbers = checked[position] as number[];
      if (field.kind === 'column') (this.columns[field.name] as TypedArray)[index] = numbers[0] as number;
      else if (field.kind === 'arrayColumn')
        (this.columns[field.name] as TypedArray).set(numbers, index * numbers.length);
      else {
        // Coefficient k of a matrix (column-major) is the k-th coefficient column's element `index`.
        const matrix = this.matrix(field.name);
        numbers.forEach((value, coefficient) => {
          if (field.kind === 'matrixColumn')
            matrix.set(index, coefficient % field.rows, Math.floor(coefficient / field.rows), value);
        });
      }
    });
  }

  /** A proxy for element i: every column (not the scalars) by name, and assign(row) to write them all. */
  at(index: number): RowProxy {
    this.checkIndex('at', index);
    const row = {} as RowProxy;
    for (const { field } of this.layout.fields) {
      if (field.kind === 'scalar') continue;
      if (field.kind === 'column') {
        const values = this.columns[field.name] as TypedArray;
        Object.defineProperty(row, field.name, {
          enumerable: true,
          get: () => values[index],
          set: (value: number) => {
            this.writable(field.name);
            values[index] = value;
          },
        });
      } else if (field.kind === 'arrayColumn') {
        Object.defineProperty(row, field.name, { enumerable: true, get: () => this.element(field.name, index) });
      } else {
        const matrix = this.matrix(field.name);
        Object.defineProperty(row, field.name, {
          enumerable: true,
          get: () => ({
            get: (r: number, c: number) => matrix.get(index, r, c),
            set: (r: number, c: number, value: number) => matrix.set(index, r, c, value),
          }),
        });
      }
    }
    Object.defineProperty(row, 'assign', {
      value: (values: Record<string, unknown>) => this.assignRow(index, values),
    });
    return Object.freeze(row);
  }
}

/** Copies every field of one view into another of the same layout and size (CMSSW's deepCopy). */
export function deepCopy(destination: SoaView, source: SoaView): void {
  if (!sameLayout(destination.schema, source.schema))
    throw new InvalidArgumentError(
      `deepCopy: the views have different layouts ('${destination.schema.name}' and '${source.schema.name}').`,
    );
  if (destination.size !== source.size)
    throw new InvalidArgumentError(
      `deepCopy: the views have ${destination.size} and ${source.size} elements; they must have the same size.`,
    );
  if (destination.options.readOnly) throw new InvalidArgumentError('deepCopy: the destination is a const view.');
  new Uint8Array(destination.arrayBuffer, destination.byteOffset, destination.layout.byteSize).set(
    new Uint8Array(source.arrayBuffer, source.byteOffset, source.layout.byteSize),
  );
}

/** A view of `size` elements over a new zeroed buffer of exactly computeDataSize bytes. */
export function allocateView(schema: LayoutSchema, size: number, options: ViewOptions = {}): SoaView {
  return new SoaView(schema, size, new ArrayBuffer(computeLayout(schema, size).byteSize), 0, options);
}
