export { arrayColumn, column, layoutOf, matrixColumn, scalar, soaLayout } from './decorators';
export { alignSize, computeDataSize, computeLayout, describeLayout, type FieldLayout, type Layout } from './layout';
export { defineLayout, type FieldSchema, type LayoutOptions, type LayoutSchema } from './schema';
export {
  allocateView,
  deepCopy,
  type MatrixColumnView,
  type RowProxy,
  SoaRangeError,
  SoaView,
  type ViewOptions,
} from './view';
