// The schema and byte layout live in @alpaka-ts/interface (kernels take views as arguments, and backends
// lay them out); they are re-exported here, where users look for them.
// The one lookup of a layout's schema lives in @alpaka-ts/interface (its registry is shared); re-exported so a
// layout file needs one import.
export {
  alignSize,
  computeDataSize,
  computeLayout,
  defineLayout,
  type FieldLayout,
  type FieldSchema,
  type Layout,
  type LayoutLike,
  type LayoutOptions,
  type LayoutSchema,
  layoutSchemaOf,
  sameLayout,
} from '@alpaka-ts/interface';
export {
  type CustomViewDefinition,
  type CustomViewOptions,
  type CustomViewSchema,
  type CustomViewValue,
  defineCustomView,
  SoaCustomView,
} from './custom-view';
export { arrayColumn, column, matrixColumn, scalar, soaLayout } from './decorators';
export { describeLayout } from './describe-layout';
export { type ElementMethod, type ElementMethods, elementMethodsOf, withElementMethods } from './element-methods';
export type { ArrayColumn, Column, MatrixColumn, Scalar } from './field-types';
export type { RangeChecking } from './range-checking';
export type { ElementMatrix, RowBase } from './row-proxy';
export type { SoaMetadata } from './soa-metadata';
export {
  type AnySoaView,
  allocateView,
  type ConstSoaView,
  deepCopy,
  type MatrixColumnView,
  SoaRangeError,
  SoaView,
  type ViewOptions,
} from './view';
export { formatView, type TabulatedView, type ViewTableOptions } from './view-table';
export type {
  ArrayColumnName,
  ArrayColumnValues,
  ConstElementMatrix,
  ConstRow,
  MatrixColumnName,
  Row,
  RowProxy,
  RowValues,
  ViewColumns,
  ViewScalars,
} from './view-types';
