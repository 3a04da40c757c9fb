import {
  type Buffer,
  computeLayout,
  createView,
  InvalidArgumentError,
  type KernelViewArgument,
  type Layout,
  type LayoutSchema,
  sameLayout,
  type TypedArray,
} from '@alpaka-ts/interface';
import { rangeCheckedTypedArray } from './checked-column';
import { describeLayout } from './describe-layout';
import { type MatrixColumnAccess, type MatrixColumnView, matrixColumnView } from './matrix-column-view';
import { isElementIndex, outOfRange, type RangeChecking, rangeCheckingMode } from './range-checking';
import { readOnlyTypedArray } from './read-only-array';
import { rowAssigner } from './row-assign';
import { type RowStorage, rowClass } from './row-proxy';
import { type SoaMetadata, soaMetadata } from './soa-metadata';
import type {
  ArrayColumnName,
  ArrayColumnValues,
  ConstRow,
  MatrixColumnName,
  Row,
  ViewColumns,
  ViewScalars,
} from './view-types';

export interface ViewOptions<ReadOnly extends boolean = boolean> {
  /**
   * CMSSW's RangeChecking: 'disabled' (the default), 'enabled' (every index the view takes is checked: at(),
   * element(), matrix access and `columns.x[i]`), or 'extended' (the error also names the file and line of the
   * access). `true` is 'enabled'.
   */
  readonly rangeChecking?: boolean | RangeChecking;
  /** A const view: scalar, row and matrix writes throw (the column arrays are still live memory). */
  readonly readOnly?: ReadOnly;
  /**
   * The Buffer these bytes belong to, which kernels receive when the view is a kernel argument (collections
   * pass theirs, so pinned memory stays pinned). Without it, the view makes a host Buffer over its bytes.
   */
  readonly buffer?: Buffer;
}

export type { MatrixColumnView } from './matrix-column-view';
export { SoaRangeError } from './soa-range-error';

/**
 * A view of an SoA layout over host memory (CMSSW's View and ConstView): every column as a typed array over
 * the buffer (`view.columns.x[i]`), scalars as properties (`view.scalars.r`), array columns as typed arrays of
 * N·k values with element(name, i) giving element i's k, matrix columns by (element, row, column), and
 * at(i) for a row proxy.
 */
export class SoaView<Schema extends LayoutSchema = LayoutSchema, ReadOnly extends boolean = false>
  implements KernelViewArgument
{
  readonly layout: Layout;
  /**
   * Column name → the column's values (array columns: N·k values; matrix columns: not here, see matrix()).
   * With range checking on, each is the typed array behind a proxy that checks indices.
   */
  readonly columns: ViewColumns<Schema>;
  readonly scalars: ViewScalars<Schema, ReadOnly>;
  readonly rangeChecking: RangeChecking;
  private readonly rawColumns: Readonly<Record<string, TypedArray>>;
  private readonly matrices = new Map<string, MatrixColumnView>();
  private readonly checking: boolean;
  private ownBuffer: Buffer | undefined;
  private storage: (RowStorage & { readonly Row: ReturnType<typeof rowClass> }) | undefined;

  constructor(
    readonly schema: Schema,
    size: number,
    readonly arrayBuffer: ArrayBufferLike,
    readonly byteOffset = 0,
    readonly options: ViewOptions<ReadOnly> = {},
  ) {
    this.layout = computeLayout(schema, size);
    this.rangeChecking = rangeCheckingMode(options.rangeChecking);
    this.checking = this.rangeChecking !== 'disabled';
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
    const rawColumns: Record<string, TypedArray> = {};
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
      if (field.kind === 'column' || field.kind === 'arrayColumn') {
        const values = array(field.kind === 'column' ? size : size * field.length);
        rawColumns[field.name] = values;
        columns[field.name] = this.checking
          ? rangeCheckedTypedArray(values, (index) =>
              outOfRange(this.rangeChecking, schema.name, `columns.${field.name}`, index, values.length),
            )
          : values;
      } else if (field.kind === 'matrixColumn')
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
    this.columns = Object.freeze(columns) as ViewColumns<Schema>;
    this.rawColumns = Object.freeze(rawColumns);
    this.scalars = Object.seal(scalars) as ViewScalars<Schema, ReadOnly>;
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

  /** CMSSW's metadata(): size, byte size, alignment, the bytes, where the next layout starts, and per column. */
  metadata(): SoaMetadata {
    return soaMetadata(this);
  }

  /** The layout's fields, offsets, sizes and padding as CMSSW's `operator<<` prints them (formatView prints values). */
  toString(): string {
    return describeLayout(this.layout, this.byteOffset);
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
    if (this.checking && !isElementIndex(index, this.size))
      throw outOfRange(this.rangeChecking, this.schema.name, what, index, this.size);
  }

  /** A matrix column's accessor. */
  matrix(name: MatrixColumnName<Schema>): MatrixColumnView {
    const found = this.matrices.get(name);
    if (!found) throw new InvalidArgumentError(`'${name}' is not a matrix column of '${this.schema.name}'.`);
    return found;
  }

  /** Element i's k values of an array column, as a typed array over the buffer. */
  element<Name extends ArrayColumnName<Schema>>(name: Name, index: number): ArrayColumnValues<Schema, Name> {
    const placed = this.layout.field(name);
    if (placed.field.kind !== 'arrayColumn')
      throw new InvalidArgumentError(`'${name}' is not an array column of '${this.schema.name}'.`);
    this.checkIndex(name, index);
    const length = placed.field.length;
    const values = (this.rawColumns[name] as TypedArray).subarray(index * length, (index + 1) * length);
    return (this.readOnly ? readOnlyTypedArray(values, name, this.schema.name) : values) as ArrayColumnValues<
      Schema,
      Name
    >;
  }

  /** A proxy for element i (CMSSW's view[i]): every column (not the scalars) by name, the layout's element methods, and assign(row). */
  at(index: number): ReadOnly extends true ? ConstRow<Schema> : Row<Schema> {
    if (this.checking) this.checkIndex('at', index);
    const storage = this.storage ?? this.rowStorage();
    return new storage.Row(storage, index) as unknown as ReadOnly extends true ? ConstRow<Schema> : Row<Schema>;
  }

  /** What the rows of this view read: its columns by name, its accessors, and the row class of its layout. */
  private rowStorage(): RowStorage & { readonly Row: ReturnType<typeof rowClass> } {
    const storage: Record<string, unknown> = {
      Row: rowClass(this.schema, this.readOnly),
      layoutName: this.schema.name,
      element: (name: string, index: number) => (this as unknown as SoaView).element(name, index),
      matrix: (name: string) => (this as unknown as SoaView).matrix(name),
      assign: this.readOnly
        ? () => this.writable('a row')
        : rowAssigner(
            this.schema.name,
            this.schema.fields,
            (name) => this.rawColumns[name] as TypedArray,
            (name) => (this as unknown as SoaView).matrix(name),
          ),
    };
    for (const [name, values] of Object.entries(this.rawColumns)) storage[`c_${name}`] = values;
    this.storage = storage as unknown as RowStorage & { readonly Row: ReturnType<typeof rowClass> };
    return this.storage;
  }
}

/**
 * Any view, of any layout, mutable or const: what a function that takes every view accepts. (A SoaView of one
 * typed layout is not a SoaView of another, nor of the untyped LayoutSchema; each is an AnySoaView.)
 */
export interface AnySoaView extends KernelViewArgument {
  readonly schema: LayoutSchema;
  readonly layout: Layout;
  readonly arrayBuffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly options: ViewOptions;
  readonly rangeChecking: RangeChecking;
  readonly columns: Readonly<Record<string, TypedArray>>;
  readonly scalars: Readonly<Record<string, number>>;
  at(index: number): ConstRow<LayoutSchema>;
  element(name: string, index: number): TypedArray;
  matrix(name: string): MatrixColumnView;
  metadata(): SoaMetadata;
}

/** Copies every field of one view into another of the same layout and size (CMSSW's deepCopy). */
export function deepCopy(destination: AnySoaView, source: AnySoaView): void {
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
export function allocateView<Schema extends LayoutSchema, ReadOnly extends boolean = false>(
  schema: Schema,
  size: number,
  options: ViewOptions<ReadOnly> = {},
): SoaView<Schema, ReadOnly> {
  return new SoaView(schema, size, new ArrayBuffer(computeLayout(schema, size).byteSize), 0, options);
}

/** A const view of a layout (CMSSW's ConstView): `SoaView<Schema, true>`; `SoaView<Schema, boolean>` takes either. */
export type ConstSoaView<Schema extends LayoutSchema = LayoutSchema> = SoaView<Schema, true>;
