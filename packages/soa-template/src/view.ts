import {
  asConst,
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
import { describeLayout } from './describe-layout';
import { FieldsView } from './fields-view';
import type { MatrixColumnView } from './matrix-column-view';
import type { RangeChecking } from './range-checking';
import { type SoaMetadata, soaMetadata } from './soa-metadata';
import type { ConstRow } from './view-types';

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
  extends FieldsView<Schema, ReadOnly>
  implements KernelViewArgument
{
  readonly layout: Layout;
  private ownBuffer: Buffer | undefined;

  constructor(
    schema: Schema,
    size: number,
    readonly arrayBuffer: ArrayBufferLike,
    readonly byteOffset = 0,
    readonly options: ViewOptions<ReadOnly> = {},
  ) {
    const layout = computeLayout(schema, size);
    const needed = byteOffset + layout.byteSize;
    if (needed > arrayBuffer.byteLength) {
      throw new InvalidArgumentError(
        `a view of '${schema.name}' for ${size} elements needs ${layout.byteSize} bytes at offset ${byteOffset}; the buffer has ${arrayBuffer.byteLength - byteOffset}.`,
      );
    }
    if (schema.alignmentEnforcement && byteOffset % schema.alignment !== 0) {
      throw new InvalidArgumentError(
        `layout '${schema.name}' enforces ${schema.alignment}-byte alignment, and the view starts at byte ${byteOffset}.`,
      );
    }
    super(
      schema,
      size,
      options,
      layout.fields.map((placed) => ({ placed, arrayBuffer, byteOffset })),
    );
    this.layout = layout;
  }

  /** The view's bytes as a u8 Buffer: what a kernel launch passes for a view parameter (KernelViewArgument). */
  get buffer(): Buffer {
    // A const view's own Buffer is const too: a kernel or a copy cannot write through it.
    this.ownBuffer ??=
      this.options.buffer ??
      (this.readOnly ? asConst : (buffer: Buffer) => buffer)(
        createView(new Uint8Array(this.arrayBuffer, this.byteOffset, this.layout.byteSize)),
      );
    return this.ownBuffer;
  }

  /** CMSSW's metadata(): size, byte size, alignment, the bytes, where the next layout starts, and per column. */
  metadata(): SoaMetadata {
    return soaMetadata(this);
  }

  /** The layout's fields, offsets, sizes and padding as CMSSW's `operator<<` prints them (formatView prints values). */
  override toString(): string {
    return describeLayout(this.layout, this.byteOffset);
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
