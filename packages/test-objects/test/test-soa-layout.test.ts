import { computeDataSize, computeLayout, describeLayout, layoutSchemaOf } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import { TestSoA } from '../src/data-formats/test-soa';

// CMSSW's byte layout of TestSoA (DataFormats/SoATemplate's rules: every column and scalar padded to the
// 128-byte alignment, a matrix column as rows × columns coefficient columns), written out independently.
/** The sizes the rules give for N elements with 128-byte alignment, written out independently of the code. */
function expectedTestSoA(n: number) {
  const align = (bytes: number) => Math.ceil(bytes / 128) * 128;
  const sizes = [align(8 * n), align(8 * n), align(8 * n), align(4 * n), 128, align(8 * n), align(8 * n) * 18];
  const offsets = sizes.map((_, index) => sizes.slice(0, index).reduce((total, size) => total + size, 0));
  return { sizes, offsets, total: sizes.reduce((total, size) => total + size, 0) };
}

describe("TestSoA's layout is CMSSW's", () => {
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
    expect(describeLayout(layout)).toContain(
      ' Eigen value m at offset 768 has dimension (3 x 6) and per column size 80 and padding 48\n',
    );
  });
});
