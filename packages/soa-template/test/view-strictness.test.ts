import { bool, f32, f64, i16, i32, u8 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { allocateView, computeLayout, deepCopy, defineLayout, SoaView } from '../src/index';

const fields = [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'column', name: 'good', elementType: bool },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'm', elementType: f32, rows: 2, columns: 3 },
] as const;
const Strict = defineLayout('StrictSoA', [...fields]);

const goodRow = () => ({
  x: 1.5,
  id: -4,
  good: true,
  flags: [1, 2, 3],
  m: [
    [11, 12, 13],
    [21, 22, 23],
  ],
});

describe('row.assign', () => {
  it('takes a matrix as a row-major nested array or flat in column-major order, the same coefficients', () => {
    const view = allocateView(Strict, 2);
    view.at(0).assign(goodRow());
    view.at(1).assign({ ...goodRow(), m: [11, 21, 12, 22, 13, 23] });
    for (const element of [0, 1]) {
      expect(view.matrix('m').get(element, 0, 2)).toBe(13);
      expect(view.matrix('m').get(element, 1, 0)).toBe(21);
    }
    expect([view.columns.x?.[0], view.columns.id?.[0], view.columns.good?.[0]]).toEqual([1.5, -4, 1]);
    expect([...view.element('flags', 0)]).toEqual([1, 2, 3]);
  });

  it.each([
    [{ extra: 1 }, "the row for 'StrictSoA' has 'extra', which is not one of its columns (x, id, good, flags, m)."],
    [{ flags: [1, 2] }, "the value of 'flags' in the row for 'StrictSoA' takes 3 values, not 2."],
    [{ flags: 7 }, "the value of 'flags' in the row for 'StrictSoA' takes 3 values, not a number."],
    [{ m: [1, 2, 3, 4, 5] }, /'m' in the row for 'StrictSoA' takes a 2 x 3 matrix: .*; it has 5 values\./],
    [{ m: [[1, 2, 3]] }, /'m' in the row for 'StrictSoA' takes a 2 x 3 matrix: .*; it has 1 rows\./],
    [
      {
        m: [
          [1, 2, 3],
          [4, 5],
        ],
      },
      /'m' in the row for 'StrictSoA' takes a 2 x 3 matrix: .*; row 1 has 2 values\./,
    ],
    [{ x: '1.5' }, "the value of 'x' in the row for 'StrictSoA' takes a number, not a string."],
    [
      { id: 2.5 },
      "the value of 'id' in the row for 'StrictSoA' is a i32: an integer from -2147483648 to 2147483647, not 2.5.",
    ],
    [
      { flags: [1, 40000, 3] },
      "the value of 'flags[1]' in the row for 'StrictSoA' is a i16: an integer from -32768 to 32767, not 40000.",
    ],
    [{ good: 2 }, "the value of 'good' in the row for 'StrictSoA' is a bool: true, false, 0 or 1, not 2."],
    [
      {
        m: [
          [1, 2, Number.NaN],
          [4, 5, 'six'],
        ],
      },
      "the value of 'm[1][2]' in the row for 'StrictSoA' takes a number, not a string.",
    ],
  ])('refuses %j, and writes nothing of the row', (change, message) => {
    const view = allocateView(Strict, 1);
    view.at(0).assign(goodRow());
    const before = new Uint8Array(view.arrayBuffer).slice();
    expect(() => view.at(0).assign({ ...goodRow(), ...change } as never)).toThrow(message);
    expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
  });
});

describe('a const view', () => {
  const constant = () => {
    const view = allocateView(Strict, 2);
    view.at(1).assign(goodRow());
    return new SoaView(Strict, 2, view.arrayBuffer, 0, { readOnly: true });
  };
  const refusal = /cannot be written through a const view of 'StrictSoA'/;

  it('reads through every path', () => {
    const view = constant();
    expect([...view.element('flags', 1)]).toEqual([1, 2, 3]);
    expect(view.element('flags', 1)[2]).toBe(3);
    expect(view.matrix('m').coefficient(1, 2)[1]).toBe(23);
    expect(view.at(1).id).toBe(-4);
    expect([...(view.at(1).flags as Int16Array).subarray(1)]).toEqual([2, 3]);
  });

  it('refuses writes through every path it offers: rows, element(), coefficient(), matrices, scalars', () => {
    const view = constant();
    const before = new Uint8Array(view.arrayBuffer).slice();
    const writes: (() => void)[] = [
      () => {
        // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
        view.at(1).x = 2;
      },
      // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
      () => view.at(1).assign(goodRow()),
      () => {
        view.element('flags', 1)[0] = 9;
      },
      () => view.element('flags', 1).set([9, 9, 9]),
      () => view.element('flags', 1).fill(9),
      () => view.element('flags', 1).subarray(1).fill(9),
      () => {
        (view.at(1).flags as Int16Array)[0] = 9;
      },
      () => {
        view.matrix('m').coefficient(0, 0)[1] = 9;
      },
      () => view.matrix('m').coefficient(0, 0).set([9]),
      () => view.matrix('m').set(1, 0, 0, 9),
      () => (view.at(1).m as unknown as { set(row: number, column: number, value: number): void }).set(0, 0, 9),
      () => {
        // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
        view.scalars.r = 9;
      },
    ];
    for (const write of writes) expect(write).toThrow(refusal);
    expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
  });

  it('leaves the raw column arrays writable (they are the memory itself, as the README says)', () => {
    const view = constant();
    (view.columns.id as Int32Array)[0] = 5;
    expect(view.at(0).id).toBe(5);
  });
});

describe('layouts compared by structure', () => {
  it('deepCopy takes views of a layout defined twice with the same fields', () => {
    const again = defineLayout('StrictSoA', [...fields]);
    const source = allocateView(Strict, 2);
    source.at(1).assign(goodRow());
    const destination = allocateView(again, 2);
    deepCopy(destination, source);
    expect(new Uint8Array(destination.arrayBuffer)).toEqual(new Uint8Array(source.arrayBuffer));
    const other = defineLayout('StrictSoA', [...fields.slice(0, 5), { kind: 'column', name: 'm', elementType: u8 }]);
    expect(() => deepCopy(allocateView(other, 2), source)).toThrow(/deepCopy: the views have different layouts/);
    expect(computeLayout(again, 2).byteSize).toBe(computeLayout(Strict, 2).byteSize);
  });
});

describe('matrix columns as matrices', () => {
  it('read element i as rows of columns and write it from rows of columns or flat column-major, shape-checked', () => {
    const view = allocateView(Strict, 3);
    const matrix = view.matrix('m');
    matrix.setMatrix(1, [
      [11, 12, 13],
      [21, 22, 23],
    ]);
    expect(matrix.getMatrix(1)).toEqual([
      [11, 12, 13],
      [21, 22, 23],
    ]);
    expect(matrix.get(1, 1, 2)).toBe(23);
    matrix.setMatrix(2, [11, 21, 12, 22, 13, 23]);
    expect(matrix.getMatrix(2)).toEqual(matrix.getMatrix(1));
    const before = new Uint8Array(view.arrayBuffer).slice();
    expect(() => matrix.setMatrix(0, [[1, 2, 3]])).toThrow(
      /the value of 'm' given to setMatrix\(0\) of 'StrictSoA' takes a 2 x 3 matrix: .*; it has 1 rows\./,
    );
    expect(() => matrix.setMatrix(0, [1, 2, 3, 4, 5, 6, 7])).toThrow(/it has 7 values/);
    expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
    const constant = new SoaView(Strict, 3, view.arrayBuffer, 0, { readOnly: true });
    expect(constant.matrix('m').getMatrix(2)[0]).toEqual([11, 12, 13]);
    expect(() => constant.matrix('m').setMatrix(0, [11, 21, 12, 22, 13, 23])).toThrow(
      /cannot be written through a const view/,
    );
  });
});
