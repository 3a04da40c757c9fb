import type { ElementType, FieldSchema, Layout, LayoutSchema } from '@alpaka-ts/interface';

/**
 * CMSSW's Metadata (`view.metadata()`): what a view's layout is and where its bytes are. Addresses are byte
 * offsets in the view's ArrayBuffer (JavaScript has no pointers): `addressOf('x')` is where column x's first
 * value is, as `metadata().addressOf_x()` is `&view.x(0)` in CMSSW.
 */
export interface SoaMetadata {
  /** Elements per column (size()). */
  readonly size: number;
  /** Bytes of the whole layout, padding included (byteSize(), computeDataSize(size)). */
  readonly byteSize: number;
  /** Bytes every field is aligned to (alignment()). */
  readonly alignment: number;
  readonly alignmentEnforcement: boolean;
  /** The layout's bytes (data()). */
  readonly data: Uint8Array;
  /** Where the layout starts in its ArrayBuffer. */
  readonly byteOffset: number;
  /** Where the layout ends: the first byte after it, where a next layout in the same buffer starts (nextByte()). */
  readonly nextByte: number;
  /** Where a field's first value is (for a matrix column, coefficient (0, 0)'s column) (addressOf_<c>()). */
  addressOf(name: string): number;
  /** Bytes a field takes, padding included: a column's alignSize(N·sizeof T), a matrix's per coefficient × coefficients (<c>Pitch()). */
  pitch(name: string): number;
  /** A field's element type (TypeOf_<c>, of the coefficients for a matrix column). */
  typeOf(name: string): ElementType;
  /** A field's kind (ColumnTypeOf_<c>: CMSSW's scalar, column or eigen; here also arrayColumn). */
  columnTypeOf(name: string): FieldSchema['kind'];
}

/** What metadata() reads of a view. */
export interface MetadataSource {
  readonly schema: LayoutSchema;
  readonly layout: Layout;
  readonly arrayBuffer: ArrayBufferLike;
  readonly byteOffset: number;
}

export function soaMetadata(view: MetadataSource): SoaMetadata {
  const { layout, schema, byteOffset } = view;
  return Object.freeze({
    size: layout.size,
    byteSize: layout.byteSize,
    alignment: schema.alignment,
    alignmentEnforcement: schema.alignmentEnforcement,
    data: new Uint8Array(view.arrayBuffer, byteOffset, layout.byteSize),
    byteOffset,
    nextByte: byteOffset + layout.byteSize,
    addressOf: (name: string) => byteOffset + layout.field(name).offset,
    pitch: (name: string) => layout.field(name).byteSize,
    typeOf: (name: string) => layout.field(name).field.elementType,
    columnTypeOf: (name: string) => layout.field(name).field.kind,
  });
}
