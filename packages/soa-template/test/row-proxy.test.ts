import { inspect } from 'node:util';
import { f32, f64, InvalidArgumentError, i16, i32, u8, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import {
  allocateView,
  column,
  defineLayout,
  elementMethodsOf,
  layoutSchemaOf,
  soaLayout,
  withElementMethods,
} from '../src/index';

const Shapes = defineLayout('RowShapes', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'm', elementType: f32, rows: 2, columns: 3 },
]);

describe('row proxies (CMSSW element and const_element)', () => {
  it('refuse a write to a name that is not a column, and read such a name as undefined', () => {
    const view = allocateView(Shapes, 3);
    const row = view.at(1) as Record<string, unknown>;
    expect(() => {
      row.xx = 1;
    }).toThrow("a row of 'RowShapes' has no column 'xx' to write; its columns are x, flags, m.");
    expect(() => {
      row.r = 1; // a scalar: view.scalars.r, not a row's
    }).toThrow(/has no column 'r' to write/);
    expect(row.xx).toBeUndefined();
    expect(Object.keys(row)).toEqual([]);
  });

  it("write an array column's and a matrix column's whole value, checked first, as CMSSW's accessors assign", () => {
    const view = allocateView(Shapes, 3);
    const row = view.at(2);
    row.flags = Int16Array.from([4, 5, 6]);
    // Typed, m is read-only (use row.m.setMatrix); JavaScript may assign it, as CMSSW's `view[i].m() = matrix`.
    (row as unknown as { m: unknown }).m = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect([...view.element('flags', 2)]).toEqual([4, 5, 6]);
    expect((row.m as { getMatrix(): number[][] }).getMatrix()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(view.matrix('m').get(2, 1, 0)).toBe(4);
    const before = new Uint8Array(view.arrayBuffer).slice();
    expect(() => {
      row.flags = [1, 2] as unknown as Int16Array;
    }).toThrow("the value of 'flags' written to a row of 'RowShapes' takes 3 values, not 2.");
    expect(() => {
      (row as unknown as { m: unknown }).m = [1, 2, 3];
    }).toThrow(/takes a 2 x 3 matrix/);
    expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
  });

  it('print as their values (toJSON, console.log)', () => {
    const view = allocateView(Shapes, 2);
    view.at(1).assign({ x: 2.5, flags: [1, 2, 3], m: [1, 2, 3, 4, 5, 6] });
    const values = {
      x: 2.5,
      flags: [1, 2, 3],
      m: [
        [1, 3, 5],
        [2, 4, 6],
      ],
    };
    expect(view.at(1).toJSON()).toEqual(values);
    expect(JSON.parse(JSON.stringify(view.at(1)))).toEqual(values);
    expect(inspect(view.at(1))).toBe(inspect(values));
  });

  it('of two views are independent, and a const view refuses every write they offer', () => {
    const first = allocateView(Shapes, 2);
    const second = allocateView(Shapes, 2);
    first.at(0).x = 1;
    second.at(0).x = 2;
    expect([first.at(0).x, second.at(0).x]).toEqual([1, 2]);
    const constant = allocateView(Shapes, 2, { readOnly: true });
    const row = constant.at(0);
    for (const write of [
      () => {
        // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
        row.x = 1;
      },
      () => {
        // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
        row.flags = [1, 2, 3] as never;
      },
      () => {
        (row as unknown as { m: unknown }).m = [1, 2, 3, 4, 5, 6];
      },
      // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
      () => row.assign({ x: 1, flags: [1, 2, 3], m: [1, 2, 3, 4, 5, 6] }),
    ])
      expect(write).toThrow(/cannot be written through a const view of 'RowShapes'/);
  });
});

// The same checks on the compiled path (a layout of plain columns) as on the checked one: same messages, and a
// refused row changes nothing.
const Plain = defineLayout('PlainRow', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'column', name: 'count', elementType: u32 },
  { kind: 'column', name: 'small', elementType: u8 },
  { kind: 'column', name: 'half', elementType: i16 },
]);
const goodRow = { x: 0.5, id: -3, count: 4_000_000_000, small: 255, half: -32768 };

describe('row.assign of plain columns', () => {
  it('writes a good row', () => {
    const view = allocateView(Plain, 2);
    view.at(1).assign(goodRow);
    expect(view.at(1).toJSON()).toEqual(goodRow);
  });

  it.each([
    [
      { ...goodRow, typo: 1 },
      "the row for 'PlainRow' has 'typo', which is not one of its columns (x, id, count, small, half).",
    ],
    [{ x: 1, id: 1, count: 1, small: 1 }, "the row for 'PlainRow' has no value for 'half'; give every column."],
    [{ ...goodRow, x: '1' }, "the value of 'x' in the row for 'PlainRow' takes a number, not a string."],
    [{ ...goodRow, id: 2 ** 31 }, /'id' .* is a i32: an integer from -2147483648 to 2147483647, not 2147483648\./],
    [{ ...goodRow, id: 1.5 }, /'id' .* not 1\.5\./],
    [{ ...goodRow, count: -1 }, /'count' .* is a u32: an integer from 0 to 4294967295, not -1\./],
    [{ ...goodRow, small: 256 }, /'small' .* is a u8: an integer from 0 to 255, not 256\./],
    [{ ...goodRow, half: 32768 }, /'half' .* is a i16: an integer from -32768 to 32767, not 32768\./],
    [Object.assign(Object.create({ inherited: 1 }), goodRow), /has 'inherited', which is not one of its columns/],
  ])('refuses %o, writing nothing', (row, message) => {
    const view = allocateView(Plain, 2);
    const before = new Uint8Array(view.arrayBuffer).slice();
    expect(() => view.at(0).assign(row as never)).toThrow(message);
    expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
  });
});

@soaLayout()
class Points {
  @column(f64) x!: number;
  @column(f64) y!: number;
  @column(f64) z!: number;

  norm(): number {
    return Math.sqrt(this.x * this.x + this.y * this.y + this.z * this.z);
  }

  scale(factor: number): void {
    this.x *= factor;
    this.y *= factor;
    this.z *= factor;
  }
}

describe('element methods (SOA_ELEMENT_METHODS, SOA_CONST_ELEMENT_METHODS)', () => {
  it("a decorated class's methods are its rows' methods, with `this` the element", () => {
    const view = allocateView(layoutSchemaOf(Points), 3);
    view.at(1).assign({ x: 3, y: 4, z: 12 });
    const row = view.at(1) as unknown as Points;
    expect(row.norm()).toBe(13);
    row.scale(2);
    expect([view.columns.x?.[1], view.columns.y?.[1], view.columns.z?.[1], row.norm()]).toEqual([6, 8, 24, 26]);
    expect((view.at(0) as unknown as Points).norm()).toBe(0);
  });

  it('on a const view, a method that reads works and one that writes is refused at the write', () => {
    const source = allocateView(layoutSchemaOf(Points), 1);
    source.at(0).assign({ x: 3, y: 4, z: 0 });
    const constant = allocateView(layoutSchemaOf(Points), 1, { readOnly: true });
    new Uint8Array(constant.arrayBuffer).set(new Uint8Array(source.arrayBuffer));
    const row = constant.at(0) as unknown as Points;
    expect(row.norm()).toBe(5);
    expect(() => row.scale(2)).toThrow("'x' cannot be written through a const view of 'Points'.");
    expect(constant.columns.x?.[0]).toBe(3);
  });

  it('a defineLayout schema takes them from withElementMethods; a schema of the same name and fields finds them', () => {
    const fields = [
      { kind: 'column', name: 'e', elementType: f64 },
      { kind: 'column', name: 'p', elementType: f64 },
    ] as const;
    const Particles = withElementMethods(defineLayout('Particles', fields), {
      mass(this: { e: number; p: number }) {
        return Math.sqrt(this.e * this.e - this.p * this.p);
      },
    });
    // What a file's header gives back: another object, the same layout.
    const readBack = defineLayout('Particles', [...fields]);
    const view = allocateView(readBack, 1);
    view.at(0).assign({ e: 5, p: 4 });
    expect((view.at(0) as unknown as { mass(): number }).mass()).toBe(3);
    expect(Object.keys(elementMethodsOf(Particles))).toEqual(['mass']);
    expect(elementMethodsOf(defineLayout('Particles', [fields[0]]))).toEqual({});
  });

  it('refuses a method named like a column or like what a row already has', () => {
    const schema = defineLayout('Clashing', [{ kind: 'column', name: 'e', elementType: f64 }]);
    expect(() => withElementMethods(schema, { e: () => 1 })).toThrow(
      "layout 'Clashing': an element method cannot be named 'e', which a row of the layout already has. Rename it.",
    );
    expect(() => withElementMethods(schema, { assign: () => 1 })).toThrow(InvalidArgumentError);
    expect(() => withElementMethods(schema, { toJSON: () => 1 })).toThrow(InvalidArgumentError);
    expect(() => withElementMethods(schema, { e2: 1 as never })).toThrow("element method 'e2' is not a function");
  });
});
