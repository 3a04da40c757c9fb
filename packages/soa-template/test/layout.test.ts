import { f64, i16, i32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import {
  alignSize,
  arrayColumn,
  column,
  computeDataSize,
  computeLayout,
  defineLayout,
  describeLayout,
  layoutSchemaOf,
  matrixColumn,
  scalar,
  soaLayout,
} from '../src/index';

// CMSSW's DataFormats/PortableTestObjects TestSoA: x, y, z (double), id (int32_t), r (double scalar),
// flags (std::array<short, 4>), m (Eigen::Matrix<double, 3, 6>).
@soaLayout()
class TestSoA {
  @column(f64) x!: number;
  @column(f64) y!: number;
  @column(f64) z!: number;
  @column(i32) id!: number;
  @scalar(f64) r!: number;
  @arrayColumn(i16, 4) flags!: Int16Array;
  @matrixColumn(f64, 3, 6) m!: Float64Array;
}

/** The sizes the rules give for N elements with 128-byte alignment, written out independently of the code. */
function expectedTestSoA(n: number) {
  const align = (bytes: number) => Math.ceil(bytes / 128) * 128;
  const sizes = [align(8 * n), align(8 * n), align(8 * n), align(4 * n), 128, align(8 * n), align(8 * n) * 18];
  const offsets = sizes.map((_, index) => sizes.slice(0, index).reduce((total, size) => total + size, 0));
  return { sizes, offsets, total: sizes.reduce((total, size) => total + size, 0) };
}

describe('SoA layouts', () => {
  it('decorators build the same schema as defineLayout', () => {
    expect(layoutSchemaOf(TestSoA)).toEqual(
      defineLayout('TestSoA', [
        { kind: 'column', name: 'x', elementType: f64 },
        { kind: 'column', name: 'y', elementType: f64 },
        { kind: 'column', name: 'z', elementType: f64 },
        { kind: 'column', name: 'id', elementType: i32 },
        { kind: 'scalar', name: 'r', elementType: f64 },
        { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
        { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
      ]),
    );
  });

  for (const n of [0, 1, 10, 16, 17, 42, 99]) {
    it(`lays out TestSoA for ${n} elements as CMSSW does`, () => {
      const layout = computeLayout(layoutSchemaOf(TestSoA), n);
      const expected = expectedTestSoA(n);
      expect(layout.fields.map((field) => field.byteSize)).toEqual(expected.sizes);
      expect(layout.fields.map((field) => field.offset)).toEqual(expected.offsets);
      expect(layout.byteSize).toBe(expected.total);
      expect(computeDataSize(layoutSchemaOf(TestSoA), n)).toBe(expected.total);
      expect(layout.field('m').coefficientStride).toBe(Math.ceil((8 * n) / 128) * 128);
    });
  }

  it('TestSoA for 10 elements: 128-byte columns, a 128-byte scalar, an 18-coefficient matrix', () => {
    const layout = computeLayout(layoutSchemaOf(TestSoA), 10);
    expect(layout.byteSize).toBe(128 * 3 + 128 + 128 + 128 + 128 * 18);
    expect(layout.field('r')).toMatchObject({ offset: 512, byteSize: 128, padding: 120 });
    expect(describeLayout(layout)).toContain('matrixColumn m: f64 (3 x 6) at offset 768, size 2304, padding 864');
  });

  it('honours a layout alignment and refuses bad schemas with the reason', () => {
    expect(alignSize(1, 64)).toBe(64);
    const small = defineLayout('Small', [{ kind: 'column', name: 'a', elementType: i32 }], { alignment: 16 });
    expect(computeDataSize(small, 5)).toBe(32);
    expect(() => defineLayout('Bad', [], { alignment: 24 })).toThrow(
      "layout 'Bad': the alignment 24 must be a power of two.",
    );
    expect(() =>
      defineLayout('Twice', [
        { kind: 'column', name: 'a', elementType: i32 },
        { kind: 'scalar', name: 'a', elementType: i32 },
      ]),
    ).toThrow("layout 'Twice' declares 'a' twice.");
    expect(() => computeLayout(small, -1)).toThrow(/size -1 is not an element count/);
    expect(() => computeLayout(small, 1).field('b')).toThrow("layout 'Small' has no field 'b'; its fields are a.");
    class Plain {}
    expect(() => layoutSchemaOf(Plain)).toThrow('Plain is not an SoA layout: decorate it with @soaLayout().');
  });
});
