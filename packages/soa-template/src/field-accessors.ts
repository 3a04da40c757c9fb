import { type FieldLayout, InvalidArgumentError, type TypedArray } from '@alpaka-ts/interface';
import { rangeCheckedTypedArray } from './checked-column';
import { type MatrixColumnAccess, type MatrixColumnView, matrixColumnView } from './matrix-column-view';
import { outOfRange, type RangeChecking } from './range-checking';

// The typed arrays, scalar properties and matrix accessors of a view's fields, each over the memory of the layout
// it lives in: one layout for an SoaView, several for a custom view (CMSSW's GENERATE_SOA_VIEW), which takes
// columns from several layouts' buffers.

/** A field as a view sees it: its place in the layout it lives in (under the view's name for it), and that layout's memory. */
export interface FieldSource {
  readonly placed: FieldLayout;
  readonly arrayBuffer: ArrayBufferLike;
  /** Where the field's layout starts in arrayBuffer. */
  readonly byteOffset: number;
}

/** What the accessors need of their view. */
export interface FieldOwner {
  readonly layoutName: string;
  readonly size: number;
  readonly rangeChecking: RangeChecking;
  readonly readOnly: boolean;
  writable(what: string): void;
  checkIndex(what: string, index: number): void;
}

export interface FieldAccessors {
  /** What `view.columns` gives: the typed arrays, behind index-checking proxies with range checking on. */
  readonly columns: Readonly<Record<string, TypedArray>>;
  /** The typed arrays themselves (rows and element() read these; they check indices once, themselves). */
  readonly rawColumns: Readonly<Record<string, TypedArray>>;
  readonly scalars: Record<string, number>;
  readonly matrices: ReadonlyMap<string, MatrixColumnView>;
}

/** `values` as a view hands it out: behind an index-checking proxy when the view checks ranges. */
export function checkedColumn(
  owner: Pick<FieldOwner, 'layoutName' | 'rangeChecking'>,
  values: TypedArray,
  what: string,
): TypedArray {
  if (owner.rangeChecking === 'disabled') return values;
  return rangeCheckedTypedArray(values, (index, length) =>
    outOfRange(owner.rangeChecking, owner.layoutName, what, index, length),
  );
}

export function fieldAccessors(owner: FieldOwner, sources: readonly FieldSource[]): FieldAccessors {
  const columns: Record<string, TypedArray> = {};
  const rawColumns: Record<string, TypedArray> = {};
  const scalars: Record<string, number> = {};
  const matrices = new Map<string, MatrixColumnView>();
  for (const { placed, arrayBuffer, byteOffset } of sources) {
    const { field } = placed;
    const start = byteOffset + placed.offset;
    if (start % field.elementType.byteSize !== 0) {
      throw new InvalidArgumentError(
        `field '${field.name}' of '${owner.layoutName}' would start at byte ${start}, not a multiple of ${field.elementType.byteSize}; use an alignment of at least 8.`,
      );
    }
    const array = (length: number, at = start) => new field.elementType.arrayConstructor(arrayBuffer, at, length);
    if (field.kind === 'column' || field.kind === 'arrayColumn') {
      const values = array(field.kind === 'column' ? owner.size : owner.size * field.length);
      rawColumns[field.name] = values;
      columns[field.name] = checkedColumn(owner, values, `columns.${field.name}`);
    } else if (field.kind === 'matrixColumn') {
      const access: MatrixColumnAccess = {
        layoutName: owner.layoutName,
        size: owner.size,
        byteOffset,
        readOnly: owner.readOnly,
        writable: (what) => owner.writable(what),
        checkIndex: (what, index) => owner.checkIndex(what, index),
        checkedColumn: (values, what) => checkedColumn(owner, values, what),
      };
      matrices.set(field.name, matrixColumnView(access, placed, array));
    } else {
      const cell = array(1);
      Object.defineProperty(scalars, field.name, {
        enumerable: true,
        get: () => cell[0],
        set: (value: number) => {
          owner.writable(field.name);
          cell[0] = value;
        },
      });
    }
  }
  return {
    columns: Object.freeze(columns),
    rawColumns: Object.freeze(rawColumns),
    scalars: Object.seal(scalars),
    matrices,
  };
}
