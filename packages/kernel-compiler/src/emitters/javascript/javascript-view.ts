import type { Layout, TypedArray } from '@alpaka-ts/interface';

/** A view as JavaScript kernels receive it: its size and, per field, a typed array (matrix: one per coefficient). */
export type JavaScriptView = { readonly size: number } & Record<string, TypedArray | readonly TypedArray[] | number>;

/**
 * Builds the JavaScript form of a view over host bytes laid out as `layout`, starting at `byteOffset`: columns
 * of N values, array columns of N·k values (element i's at i·k), a scalar as one value at index 0, and a matrix
 * column as its coefficients' columns in column-major order (coefficient (row, column) at column·rows + row).
 */
export function javaScriptView(arrayBuffer: ArrayBufferLike, byteOffset: number, layout: Layout): JavaScriptView {
  const view: Record<string, TypedArray | readonly TypedArray[] | number> = { size: layout.size };
  for (const placed of layout.fields) {
    const { field } = placed;
    const start = byteOffset + placed.offset;
    const array = (at: number, length: number) => new field.elementType.arrayConstructor(arrayBuffer, at, length);
    switch (field.kind) {
      case 'column':
        view[field.name] = array(start, layout.size);
        break;
      case 'arrayColumn':
        view[field.name] = array(start, layout.size * field.length);
        break;
      case 'scalar':
        view[field.name] = array(start, 1);
        break;
      case 'matrixColumn':
        view[field.name] = Object.freeze(
          Array.from({ length: field.rows * field.columns }, (_, coefficient) =>
            array(start + coefficient * placed.coefficientStride, layout.size),
          ),
        );
        break;
    }
  }
  return Object.freeze(view) as JavaScriptView;
}
