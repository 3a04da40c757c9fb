import type { LayoutSchema } from '@alpaka-ts/interface';
import { shortHash } from './short-hash';
import type { ScalarType, ViewFieldIR, ViewLayout } from './types';

const layouts = new WeakMap<LayoutSchema, ViewLayout>();

/** The kernel language's form of an SoA layout (computed once per schema). */
export function viewLayoutOf(schema: LayoutSchema): ViewLayout {
  let layout = layouts.get(schema);
  if (!layout) {
    const fields: ViewFieldIR[] = schema.fields.map((field) => ({
      name: field.name,
      kind: field.kind,
      element: field.elementType.name as ScalarType,
      length: field.kind === 'arrayColumn' ? field.length : 1,
      rows: field.kind === 'matrixColumn' ? field.rows : 1,
      columns: field.kind === 'matrixColumn' ? field.columns : 1,
    }));
    const description = JSON.stringify(fields);
    layout = Object.freeze({
      // Two layouts of one name but different fields get different C++ structs.
      id: `${schema.name.replace(/[^A-Za-z0-9_]/g, '_')}_${shortHash(description)}`,
      name: schema.name,
      fields: Object.freeze(fields),
    });
    layouts.set(schema, layout);
  }
  return layout;
}

/** One member of a view's C++ struct, at its byte offset. */
export type ViewStructMember =
  | { readonly kind: 'pointer'; readonly field: string; readonly offset: number }
  | { readonly kind: 'stride'; readonly field: string; readonly offset: number }
  | { readonly kind: 'size'; readonly offset: number };

export interface ViewStruct {
  readonly members: readonly ViewStructMember[];
  /** The struct's size, a multiple of its 8-byte alignment. */
  readonly byteSize: number;
}

/**
 * How a view is passed to C++ kernels (CMSSW's View: a struct of column pointers and the size): one pointer
 * per field in declaration order (a scalar's points at its one value, a matrix column's at its first
 * coefficient), then for each matrix column the distance between coefficients in elements, then the size
 * (u32). The C++ emitter declares the struct in this order and GPU backends write arguments at these offsets.
 */
export function viewStruct(layout: ViewLayout): ViewStruct {
  const members: ViewStructMember[] = [];
  let offset = 0;
  for (const field of layout.fields) {
    members.push({ kind: 'pointer', field: field.name, offset });
    offset += 8;
  }
  for (const field of layout.fields) {
    if (field.kind !== 'matrixColumn') continue;
    members.push({ kind: 'stride', field: field.name, offset });
    offset += 4;
  }
  members.push({ kind: 'size', offset });
  offset += 4;
  return { members, byteSize: Math.ceil(offset / 8) * 8 };
}
