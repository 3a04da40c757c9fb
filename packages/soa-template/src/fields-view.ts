import { checkedLayoutSchema, InvalidArgumentError, type LayoutSchema, type TypedArray } from '@alpaka-ts/interface';
import { checkedColumn, type FieldSource, fieldAccessors } from './field-accessors';
import type { MatrixColumnView } from './matrix-column-view';
import { isElementIndex, outOfRange, type RangeChecking, rangeCheckingMode } from './range-checking';
import { readOnlyTypedArray } from './read-only-array';
import { type ViewRowStorage, viewRowStorage } from './row-proxy';
import type {
  ArrayColumnName,
  ArrayColumnValues,
  ConstRow,
  MatrixColumnName,
  Row,
  ViewColumns,
  ViewScalars,
} from './view-types';

/**
 * What every view has, whichever memory its fields live in (one layout's buffer for an SoaView, several layouts'
 * for a custom view): typed columns and scalars, matrix and array accessors, rows, constness and range checking.
 */
export abstract class FieldsView<Schema extends LayoutSchema, ReadOnly extends boolean> {
  /**
   * Column name → the column's values (array columns: N·k values; matrix columns: not here, see matrix()).
   * With range checking on, each is the typed array behind a proxy that checks indices.
   */
  readonly columns: ViewColumns<Schema>;
  readonly scalars: ViewScalars<Schema, ReadOnly>;
  readonly rangeChecking: RangeChecking;
  /** Whether this is a const view (CMSSW's ConstView): every write through it throws. */
  readonly readOnly: boolean;
  private readonly rawColumns: Readonly<Record<string, TypedArray>>;
  private readonly matrices: ReadonlyMap<string, MatrixColumnView>;
  private readonly checking: boolean;
  private readonly arrayLengths: ReadonlyMap<string, number>;
  private storage: ViewRowStorage | undefined;

  protected constructor(
    readonly schema: Schema,
    readonly size: number,
    options: { readonly readOnly?: ReadOnly; readonly rangeChecking?: boolean | RangeChecking },
    sources: readonly FieldSource[],
  ) {
    // A schema written by hand is checked as defineLayout checks one before its names go into compiled rows.
    checkedLayoutSchema(schema);
    this.readOnly = options.readOnly === true;
    this.rangeChecking = rangeCheckingMode(options.rangeChecking);
    this.checking = this.rangeChecking !== 'disabled';
    const accessors = fieldAccessors(
      {
        layoutName: schema.name,
        size,
        rangeChecking: this.rangeChecking,
        readOnly: this.readOnly,
        writable: (what) => this.writable(what),
        checkIndex: (what, index) => this.checkIndex(what, index),
      },
      sources,
    );
    this.columns = accessors.columns as ViewColumns<Schema>;
    this.rawColumns = accessors.rawColumns;
    this.scalars = accessors.scalars as ViewScalars<Schema, ReadOnly>;
    this.matrices = accessors.matrices;
    this.arrayLengths = new Map(
      schema.fields.flatMap((field) => (field.kind === 'arrayColumn' ? [[field.name, field.length] as const] : [])),
    );
  }

  private writable(what: string): void {
    if (this.readOnly)
      throw new InvalidArgumentError(`'${what}' cannot be written through a const view of '${this.schema.name}'.`);
  }

  // An index that is not an integer is refused in every mode: it has no element (C++ indices are integers), and
  // the offsets computed from it would straddle two elements. The range is checked with range checking on.
  private checkIndex(what: string, index: number): void {
    if (this.checking ? !isElementIndex(index, this.size) : !Number.isInteger(index))
      throw outOfRange(this.rangeChecking, this.schema.name, what, index, this.size);
  }

  /** A matrix column's accessor. */
  matrix(name: MatrixColumnName<Schema>): MatrixColumnView {
    const found = this.matrices.get(name);
    if (!found) throw new InvalidArgumentError(`'${name}' is not a matrix column of '${this.schema.name}'.`);
    return found;
  }

  /** Element i's k values of an array column, as a typed array over the memory (read-only on a const view). */
  element<Name extends ArrayColumnName<Schema>>(name: Name, index: number): ArrayColumnValues<Schema, Name> {
    const length = this.arrayLengths.get(name);
    if (length === undefined)
      throw new InvalidArgumentError(`'${name}' is not an array column of '${this.schema.name}'.`);
    this.checkIndex(name, index);
    const values = checkedColumn(
      this,
      (this.rawColumns[name] as TypedArray).subarray(index * length, (index + 1) * length),
      `${name}[${index}]`,
    );
    return (this.readOnly ? readOnlyTypedArray(values, name, this.schema.name) : values) as ArrayColumnValues<
      Schema,
      Name
    >;
  }

  /** The layout's name, as the range checks name it. */
  get layoutName(): string {
    return this.schema.name;
  }

  /**
   * Element i (CMSSW's view[i]): every column (not the scalars) by name, read and written through to the
   * memory, the layout's element methods, and assign(row).
   */
  at(index: number): ReadOnly extends true ? ConstRow<Schema> : Row<Schema> {
    // Range checking, or an index that is not an integer: checkIndex says which (Number.isInteger is inlined).
    if (this.checking || !Number.isInteger(index)) this.checkIndex('at', index);
    const storage = this.storage ?? this.rowStorage();
    return new storage.Row(storage, index) as unknown as ReadOnly extends true ? ConstRow<Schema> : Row<Schema>;
  }

  /** What the rows of this view read: its columns by name, its accessors, and the row class of its layout. */
  private rowStorage(): ViewRowStorage {
    const view = this as unknown as FieldsView<LayoutSchema, boolean>;
    this.storage = viewRowStorage({
      schema: this.schema,
      readOnly: this.readOnly,
      rawColumns: this.rawColumns,
      element: (name, index) => view.element(name, index),
      matrix: (name) => view.matrix(name),
      writable: (what) => this.writable(what),
    });
    return this.storage;
  }
}
