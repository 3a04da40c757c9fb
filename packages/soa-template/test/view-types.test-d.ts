import { f32, f64, i16, i32, kernel, view } from '@alpaka-ts/interface';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AnySoaView,
  type ArrayColumn,
  allocateView,
  arrayColumn,
  type Column,
  type ConstSoaView,
  column,
  deepCopy,
  defineCustomView,
  defineLayout,
  type ElementMatrix,
  formatView,
  layoutSchemaOf,
  type MatrixColumn,
  matrixColumn,
  type Scalar,
  scalar,
  soaLayout,
  withElementMethods,
} from '../src/index';

// What the type system knows of views: checked by `vitest` (typecheck) and by `tsc -p tsconfig.test.json`.

const Defined = defineLayout('Defined', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f32, rows: 3, columns: 6 },
]);

@soaLayout()
class Decorated {
  @column(f64) x!: Column<'f64'>;
  @column(i32) id!: Column<'i32'>;
  @scalar(f64) r!: Scalar<'f64'>;
  @arrayColumn(i16, 4) flags!: ArrayColumn<'i16'>;
  @matrixColumn(f32, 3, 6) m!: MatrixColumn<'f32'>;

  norm(): number {
    return Math.hypot(this.x, this.id);
  }
}

@soaLayout()
class Untyped {
  @column(f64) x!: number;
  @scalar(f64) r!: number;
}

describe('views of a defineLayout schema and of a decorated class are typed by field', () => {
  for (const [name, schema] of [
    ['defineLayout', Defined],
    ['decorated class', layoutSchemaOf(Decorated)],
  ] as const) {
    it(`${name}: columns, scalars, array and matrix accessors`, () => {
      const v = allocateView(schema, 10);
      expectTypeOf(v.columns.x).toEqualTypeOf<Float64Array>();
      expectTypeOf(v.columns.id).toEqualTypeOf<Int32Array>();
      expectTypeOf(v.columns.flags).toEqualTypeOf<Int16Array>();
      expectTypeOf(v.scalars.r).toEqualTypeOf<number>();
      expectTypeOf(v.element('flags', 1)).toEqualTypeOf<Int16Array>();
      // @ts-expect-error: a typo is a compile error
      v.columns.xx;
      // @ts-expect-error: a scalar is not a column
      v.columns.r;
      // @ts-expect-error: a column is not a scalar
      v.scalars.x;
      // @ts-expect-error: element() takes array columns only
      v.element('x', 1);
      // @ts-expect-error: matrix() takes matrix columns only
      v.matrix('flags');
    });

    it(`${name}: rows`, () => {
      const row = allocateView(schema, 10).at(3);
      expectTypeOf(row.id).toEqualTypeOf<number>();
      expectTypeOf(row.flags).toEqualTypeOf<Int16Array>();
      expectTypeOf(row.m).toEqualTypeOf<ElementMatrix>();
      row.x = 2;
      // @ts-expect-error: a typo is a compile error
      row.xx = 2;
      // @ts-expect-error: scalars are not in rows (as in CMSSW)
      row.r;
      row.assign({ x: 1, id: 2, flags: [1, 2, 3, 4], m: [1, 2, 3] });
      // @ts-expect-error: every column is given
      row.assign({ x: 1, id: 2, flags: [1, 2, 3, 4] });
      // @ts-expect-error: and nothing else
      row.assign({ x: 1, id: 2, flags: [1, 2, 3, 4], m: [1], extra: 1 });
      // @ts-expect-error: numbers, not strings
      row.assign({ x: '1', id: 2, flags: [1, 2, 3, 4], m: [1] });
    });

    it(`${name}: a const view's type has no setters`, () => {
      const constant = allocateView(schema, 10, { readOnly: true });
      expectTypeOf(constant).toEqualTypeOf<ConstSoaView<typeof schema>>();
      const row = constant.at(1);
      expectTypeOf(row.x).toEqualTypeOf<number>();
      // @ts-expect-error: read only
      row.x = 1;
      // @ts-expect-error: no assign on a const row
      row.assign;
      // @ts-expect-error: a const row's matrix has no set
      row.m.set;
      // @ts-expect-error: read only
      constant.scalars.r = 1;
    });
  }

  it("a decorated class's methods are its rows' methods, typed", () => {
    expectTypeOf(allocateView(layoutSchemaOf(Decorated), 1).at(0).norm()).toEqualTypeOf<number>();
    const withMass = withElementMethods(Defined, { mass: (): number => 1 });
    expectTypeOf(allocateView(withMass, 1).at(0).mass).toEqualTypeOf<() => number>();
  });

  it('a class declared with plain types gives untyped views', () => {
    const v = allocateView(layoutSchemaOf(Untyped), 1);
    expectTypeOf(v.columns).toEqualTypeOf<
      Readonly<
        Record<
          string,
          Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array
        >
      >
    >();
    v.columns.anything;
  });

  it('every view, typed or not, mutable or const, is an AnySoaView', () => {
    const typed = allocateView(Defined, 2);
    const constant = allocateView(layoutSchemaOf(Decorated), 2, { readOnly: true });
    expectTypeOf(typed).toMatchTypeOf<AnySoaView>();
    expectTypeOf(constant).toMatchTypeOf<AnySoaView>();
    deepCopy(typed, allocateView(Defined, 2));
    formatView(constant);
  });
});

describe('decorators refuse a declared type that disagrees with them', () => {
  it('kind and element type', () => {
    @soaLayout()
    class Wrong {
      // @ts-expect-error: column(f64) declared as an f32 column
      @column(f64) a!: Column<'f32'>;
      // @ts-expect-error: column(f64) declared as a scalar
      @column(f64) b!: Scalar<'f64'>;
      // @ts-expect-error: scalar(i32) declared as a string
      @scalar(i32) c!: string;
      // @ts-expect-error: arrayColumn(i16) declared as another element type's array
      @arrayColumn(i16, 2) d!: ArrayColumn<'i32'>;
    }
    void Wrong;
  });
});

describe('kernel view parameters are typed for decorated layouts as for defineLayout schemas', () => {
  it('columns, scalars, matrix coefficients and typos', () => {
    kernel('typedViews', { v: view(Decorated), w: view(Defined, 'in') }, (acc, { v, w }) => {
      for (const i of acc.uniformElements(v.size)) {
        expectTypeOf(v.x).toMatchTypeOf<Float64Array>();
        expectTypeOf(v.id).toMatchTypeOf<Int32Array>();
        expectTypeOf(v.r).toEqualTypeOf<number>();
        expectTypeOf(v.m(0, 1)).toMatchTypeOf<Float32Array>();
        v.x[i] = w.x[i] ?? 0;
        // @ts-expect-error: a typo is a compile error in kernels too
        v.xx;
      }
    });
  });
});

describe('custom views are typed from the fields they take', () => {
  it('columns by their (new) names, rows, and field names checked against each layout', () => {
    const Points = defineCustomView('Points', { defined: Defined, decorated: Decorated }, [
      ['defined', 'x'],
      ['decorated', 'id', 'decoratedId'],
      ['defined', 'r'],
    ]);
    const v = Points.view({ defined: allocateView(Defined, 2), decorated: allocateView(layoutSchemaOf(Decorated), 2) });
    expectTypeOf(v.columns.x).toEqualTypeOf<Float64Array>();
    expectTypeOf(v.columns.decoratedId).toEqualTypeOf<Int32Array>();
    expectTypeOf(v.scalars.r).toEqualTypeOf<number>();
    expectTypeOf(v.at(0).decoratedId).toEqualTypeOf<number>();
    // @ts-expect-error: renamed, the old name is gone
    v.columns.id;
    // @ts-expect-error: a field the layout does not have
    defineCustomView('Wrong', { defined: Defined }, [['defined', 'nope']]);
    // @ts-expect-error: a layout the view does not list
    defineCustomView('Wrong', { defined: Defined }, [['other', 'x']]);
  });
});
