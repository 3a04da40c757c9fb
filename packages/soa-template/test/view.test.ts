import { f64, i16, i32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { allocateView, computeLayout, deepCopy, defineLayout, SoaRangeError, SoaView } from '../src/index';

// Every kind of field (CMSSW's TestSoA itself is @alpaka-ts/test-objects', which depends on this package).
const testSoA = defineLayout('ViewSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
]);

describe('SoA views', () => {
  it('expose columns as typed arrays at the layout offsets of one buffer', () => {
    const view = allocateView(testSoA, 10);
    view.columns.x?.set([1, 2, 3]);
    view.columns.id?.fill(-7);
    const layout = computeLayout(testSoA, 10);
    expect(new Float64Array(view.arrayBuffer, layout.field('x').offset, 3)).toEqual(Float64Array.from([1, 2, 3]));
    expect(new Int32Array(view.arrayBuffer, layout.field('id').offset, 10)).toEqual(new Int32Array(10).fill(-7));
    expect(view.columns.flags?.length).toBe(40);
  });

  it('read and write scalars, array elements and matrix coefficients in column-major order', () => {
    const view = allocateView(testSoA, 10);
    view.scalars.r = 2.5;
    expect(new Float64Array(view.arrayBuffer, computeLayout(testSoA, 10).field('r').offset, 1)[0]).toBe(2.5);
    view.element('flags', 3).set([1, 2, 3, 4]);
    expect([...(view.columns.flags ?? []).subarray(12, 16)]).toEqual([1, 2, 3, 4]);
    view.matrix('m').set(7, 2, 5, 42);
    // Coefficient (2, 5) is the 5·3 + 2 = 17th coefficient column; element 7 within it.
    const layout = computeLayout(testSoA, 10);
    const at = layout.field('m').offset + 17 * layout.field('m').coefficientStride + 7 * 8;
    expect(new Float64Array(view.arrayBuffer, at, 1)[0]).toBe(42);
    expect(view.matrix('m').get(7, 2, 5)).toBe(42);
    expect(view.matrix('m').coefficient(2, 5)[7]).toBe(42);
  });

  it('row proxies read and write every column and take a whole row', () => {
    const view = allocateView(testSoA, 4);
    const row = view.at(2);
    row.x = 1.5;
    expect(view.columns.x?.[2]).toBe(1.5);
    row.assign({ x: 1, y: 2, z: 3, id: 4, flags: [5, 6, 7, 8], m: Array.from({ length: 18 }, (_, index) => index) });
    expect([view.columns.x?.[2], view.columns.y?.[2], view.columns.z?.[2], view.columns.id?.[2]]).toEqual([1, 2, 3, 4]);
    expect([...view.element('flags', 2)]).toEqual([5, 6, 7, 8]);
    expect(view.matrix('m').get(2, 1, 4)).toBe(4 * 3 + 1);
    expect(() => view.at(1).assign({ x: 1 } as never)).toThrow(
      "the row for 'ViewSoA' has no value for 'y'; give every column.",
    );
  });

  it('range checking names the column and index; const views refuse writes', () => {
    const checked = allocateView(testSoA, 4, { rangeChecking: true });
    expect(() => checked.at(4)).toThrow(SoaRangeError);
    expect(() => checked.element('flags', -1)).toThrow(
      "Out of range index in 'flags' of 'ViewSoA': index -1 out of range 4.",
    );
    expect(() => checked.matrix('m').get(9, 0, 0)).toThrow(
      /Out of range index in 'm' of 'ViewSoA': index 9 out of range 4/,
    );
    expect(() => checked.matrix('m').get(0, 3, 0)).toThrow("coefficient (3, 0) is outside the 3 x 6 matrix 'm'.");
    const buffer = new ArrayBuffer(computeLayout(testSoA, 4).byteSize);
    const constant = new SoaView(testSoA, 4, buffer, 0, { readOnly: true });
    expect(() => {
      // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
      constant.scalars.r = 1;
    }).toThrow("'r' cannot be written through a const view of 'ViewSoA'.");
    expect(() => {
      // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
      constant.at(0).x = 1;
    }).toThrow(/cannot be written through a const view/);
  });

  it('deep-copies between views of the same layout and size, and refuses others', () => {
    const source = allocateView(testSoA, 5);
    source.columns.z?.set([9, 8, 7, 6, 5]);
    source.scalars.r = -1;
    source.matrix('m').set(4, 2, 2, 3.5);
    const destination = allocateView(testSoA, 5);
    deepCopy(destination, source);
    expect([...(destination.columns.z ?? [])]).toEqual([9, 8, 7, 6, 5]);
    expect([destination.scalars.r, destination.matrix('m').get(4, 2, 2)]).toEqual([-1, 3.5]);
    expect(() => deepCopy(allocateView(testSoA, 6), source)).toThrow(
      'deepCopy: the views have 6 and 5 elements; they must have the same size.',
    );
  });

  it('refuses a buffer that is too small, and a misaligned start when alignment is enforced', () => {
    expect(() => new SoaView(testSoA, 10, new ArrayBuffer(100))).toThrow(
      /needs 3072 bytes at offset 0; the buffer has 100/,
    );
    const enforced = defineLayout('Enforced', [{ kind: 'column', name: 'a', elementType: f64 }], {
      alignmentEnforcement: true,
    });
    expect(() => new SoaView(enforced, 4, new ArrayBuffer(1024), 8)).toThrow(
      "layout 'Enforced' enforces 128-byte alignment, and the view starts at byte 8.",
    );
    expect(new SoaView(enforced, 4, new ArrayBuffer(1024), 128).columns.a?.length).toBe(4);
  });

  it('zero-size views hold only the scalars', () => {
    const empty = allocateView(testSoA, 0);
    expect(empty.layout.byteSize).toBe(128);
    empty.scalars.r = 3;
    expect(empty.columns.x?.length).toBe(0);
  });
});
