import type { ElementTypeName, elementTypes, SoaFieldType } from '@alpaka-ts/interface';
import type { ElementMatrix } from './row-proxy';
import type { ArrayOf } from './view-types';

// The declared types of a decorated layout class's fields: each is what a row gives for the field (a number, an
// element's array, its matrix), marked with the field's kind and element type so views of the class are typed
// (`view.columns.x` a Float64Array, `view.at(i).id` a number). The decorators refuse a declared type that
// disagrees with them: `@column(f64) x!: Column<'f32'>` does not compile.
//
//   @soaLayout() class Hits {
//     @column(f64) x!: Column<'f64'>;
//     @scalar(f64) r!: Scalar<'f64'>;
//     @arrayColumn(i16, 4) flags!: ArrayColumn<'i16'>;
//     @matrixColumn(f64, 3, 6) m!: MatrixColumn<'f64'>;
//   }

type ArrayOfName<Name extends ElementTypeName> = ArrayOf<(typeof elementTypes)[Name]>;

/** A column's field type (SOA_COLUMN): a number per element. */
export type Column<Name extends ElementTypeName> = SoaFieldType<number, 'column', Name>;
/** A scalar's field type (SOA_SCALAR): one number for the collection. */
export type Scalar<Name extends ElementTypeName> = SoaFieldType<number, 'scalar', Name>;
/** An array column's field type (a column of std::array): the element's values as a typed array. */
export type ArrayColumn<Name extends ElementTypeName> = SoaFieldType<ArrayOfName<Name>, 'arrayColumn', Name>;
/** A matrix column's field type (SOA_EIGEN_COLUMN): the element's matrix. */
export type MatrixColumn<Name extends ElementTypeName> = SoaFieldType<ElementMatrix, 'matrixColumn', Name>;
