import {
  bool,
  f32,
  f64,
  InvalidArgumentError,
  i8,
  i16,
  i32,
  type LayoutSchema,
  u8,
  u16,
  u32,
} from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import {
  allocateView,
  column,
  defineLayout,
  formatView,
  layoutSchemaOf,
  SoaRangeError,
  type SoaView,
  soaLayout,
  withElementMethods,
} from '../src/index';
import { checkedRowAssigner, rowAssigner } from '../src/row-assign';

const Mixed = defineLayout('EdgeMixed', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'column', name: 'good', elementType: bool },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'm', elementType: f32, rows: 2, columns: 2 },
]);
const unchanged = (view: { arrayBuffer: ArrayBufferLike }) => {
  const before = new Uint8Array(view.arrayBuffer).slice();
  return () => expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
};

describe('views of layouts without columns', () => {
  it('have rows with no values, assign of nothing, and a table of scalars', () => {
    const Scalars = defineLayout('OnlyScalars', [{ kind: 'scalar', name: 'r', elementType: f64 }]);
    const view = allocateView(Scalars, 2);
    view.scalars.r = 3;
    expect(view.at(1).toJSON()).toEqual({});
    view.at(1).assign({});
    expect(() => view.at(1).assign({ r: 1 } as never)).toThrow("has 'r', which is not one of its columns ()");
    expect(formatView(view).split('\n')[0]).toBe('OnlyScalars: 2 elements; r = 3');
    expect(allocateView(defineLayout('Empty', []), 3).at(2).toJSON()).toEqual({});
  });
});

describe('range checking, the inner indices', () => {
  const view = allocateView(Mixed, 4, { rangeChecking: 'enabled' });
  it.each([
    ['coefficient(r, c)[i]', () => view.matrix('m').coefficient(1, 0)[4], "'m(1, 0)'", 4, 4],
    ['element(name, i)[k]', () => view.element('flags', 1)[3], "'flags[1]'", 3, 3],
    ['row.flags[k]', () => view.at(2).flags[-1], "'flags[2]'", -1, 3],
    ['a checked subarray', () => view.columns.x.subarray(1, 3)[2], "'columns.x'", 2, 2],
  ])('%s', (_name, access, what, index, range) => {
    expect(access).toThrow(SoaRangeError);
    expect(access).toThrow(`Out of range index in ${what} of 'EdgeMixed': index ${index} out of range ${range}.`);
  });

  it('a matrix coefficient index that is not an integer is a range error in every mode', () => {
    for (const checking of [false, true]) {
      const checkedOrNot = allocateView(Mixed, 2, { rangeChecking: checking });
      expect(() => checkedOrNot.matrix('m').get(0, 0.5, 0)).toThrow(SoaRangeError);
      expect(() => checkedOrNot.at(0).m.get(0, 1.5)).toThrow("coefficient (0, 1.5) is outside the 2 x 2 matrix 'm'.");
    }
  });

  it('checked columns are still their typed array class', () => {
    expect(view.columns.x.constructor).toBe(Float64Array);
    expect(view.columns.id instanceof Int32Array).toBe(true);
  });
});

describe('indices that are not integers are refused in every mode (they have no element)', () => {
  it.each([
    [
      'at(1.5).assign',
      (view: SoaView<typeof Mixed>) => view.at(1.5).assign({ x: 9, id: 1, good: 1, flags: [7, 7, 7], m: [1, 2, 3, 4] }),
    ],
    ['element(name, 1.5)', (view: SoaView<typeof Mixed>) => view.element('flags', 1.5).set([7, 7, 7])],
    ['matrix().setMatrix(1.5)', (view: SoaView<typeof Mixed>) => view.matrix('m').setMatrix(1.5, [1, 2, 3, 4])],
  ])('%s, writing nothing', (_name, write) => {
    const view = allocateView(Mixed, 4);
    const check = unchanged(view);
    expect(() => write(view)).toThrow('index 1.5 (not an integer) out of range 4.');
    check();
  });
});

describe("a row's own setters check their values as row.assign does", () => {
  it.each([
    [
      'id',
      1.5,
      "the value of 'id' written to a row of 'EdgeMixed' is a i32: an integer from -2147483648 to 2147483647, not 1.5.",
    ],
    ['id', 2 ** 31, /is a i32: .* not 2147483648\./],
    ['x', 'abc', "the value of 'x' written to a row of 'EdgeMixed' takes a number, not a string."],
    ['good', 5, "the value of 'good' written to a row of 'EdgeMixed' is a bool: true, false, 0 or 1, not 5."],
  ])('%s = %s is refused', (name, value, message) => {
    const view = allocateView(Mixed, 2);
    const check = unchanged(view);
    expect(() => {
      (view.at(1) as unknown as Record<string, unknown>)[name] = value;
    }).toThrow(message);
    check();
  });

  it('matrix().set takes numbers only', () => {
    const view = allocateView(Mixed, 2);
    const check = unchanged(view);
    expect(() => view.matrix('m').set(1, 0, 0, 'abc' as never)).toThrow(InvalidArgumentError);
    expect(() => view.matrix('m').set(1, 0, 0, 'abc' as never)).toThrow(
      "the value of 'm(0, 0)' takes a number, not a string.",
    );
    check();
  });

  it('a bool column takes true and false as 1 and 0', () => {
    const view = allocateView(Mixed, 2);
    (view.at(0) as unknown as { good: boolean }).good = true;
    expect(view.columns.good[0]).toBe(1);
  });
});

describe('element methods', () => {
  it('registered after a view made rows, reach its next rows', () => {
    const Late = defineLayout('LateMethods', [{ kind: 'column', name: 'v', elementType: f64 }]);
    const view = allocateView(Late, 1);
    view.at(0).v = 21;
    const withTwice = withElementMethods(Late, {
      twice() {
        return this.v * 2;
      },
    });
    expect(allocateView(withTwice, 1).at(0).twice()).toBe(0);
    expect((view.at(0) as unknown as { twice(): number }).twice()).toBe(42);
  });

  it("two classes of one name and fields keep their own methods; one without methods takes none of the other's", () => {
    const classes = (() => {
      @soaLayout()
      class Same {
        @column(f64) v!: number;
        which(): string {
          return 'first';
        }
      }
      const first = Same;
      {
        @soaLayout()
        class Same {
          @column(f64) v!: number;
          which(): string {
            return 'second';
          }
        }
        const second = Same;
        {
          @soaLayout()
          class Same {
            @column(f64) v!: number;
          }
          return [first, second, Same];
        }
      }
    })();
    const which = classes.map((layout) =>
      (allocateView(layoutSchemaOf(layout), 1).at(0) as unknown as { which?: () => string }).which?.(),
    );
    expect(which).toEqual(['first', 'second', undefined]);
  });
});

describe('schemas written by hand are checked as defineLayout checks them', () => {
  const handMade = (name: string): LayoutSchema => ({
    kind: 'soaLayout',
    name: 'HandMade',
    alignment: 128,
    alignmentEnforcement: false,
    fields: [{ kind: 'column', name, elementType: f64 }],
  });
  it.each([
    ['constructor', /a field cannot be named 'constructor'/],
    ['toJSON', /a field cannot be named 'toJSON'/],
    ['x = 1; globalThis.injected = 1; //', /is not an identifier/],
  ])('%s', (name, message) => {
    expect(() => allocateView(handMade(name), 2)).toThrow(message);
    expect((globalThis as { injected?: number }).injected).toBeUndefined();
  });
});

describe('a standalone const view', () => {
  it('hands kernels and copies a const Buffer', () => {
    expect(allocateView(Mixed, 2, { readOnly: true }).buffer.isConst).toBe(true);
    expect(allocateView(Mixed, 2).buffer.isConst).toBe(false);
  });
});

// The compiled row.assign must accept exactly what the checked one accepts and write the same bytes.
describe('the compiled row.assign agrees with the checked one', () => {
  const types = { i8, u8, i16, u16, i32, u32, f32, f64 };
  const values: unknown[] = [
    0,
    -0,
    1,
    -1,
    1.5,
    127,
    128,
    -128,
    -129,
    255,
    256,
    32767,
    32768,
    -32768,
    -32769,
    65535,
    65536,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1',
    true,
    null,
    undefined,
    {},
    [1],
  ];
  it.each(Object.entries(types))('%s', (name, elementType) => {
    const schema = defineLayout(`Agree_${name}`, [{ kind: 'column', name: 'v', elementType }]);
    for (const value of values) {
      const outcomes = [rowAssigner, checkedRowAssigner].map((make) => {
        const view = allocateView(schema, 1);
        const assign = make(
          schema.name,
          schema.fields,
          () => view.columns.v,
          () => view.matrix('v' as never),
        );
        try {
          assign(0, { v: value });
          return `wrote ${Object.is(view.columns.v[0], -0) ? '-0' : view.columns.v[0]}`;
        } catch (error) {
          return `threw ${(error as Error).message}`;
        }
      });
      expect(outcomes[0], `${name} ${String(value)}`).toBe(outcomes[1]);
    }
  });
});
