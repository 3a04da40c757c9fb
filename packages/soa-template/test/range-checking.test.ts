import { f64, InvalidArgumentError, i16, i32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { type AnySoaView, allocateView, defineLayout, SoaRangeError } from '../src/index';

const Checked = defineLayout('CheckedSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 2, columns: 2 },
]);

// Every way a view takes an element index, each given `index` (a matrix's own coefficient indices stay valid).
const accessPaths = {
  'at()': (view, index) => view.at(index),
  'element()': (view, index) => view.element('flags', index),
  'matrix().get': (view, index) => view.matrix('m').get(index, 0, 0),
  'matrix().set': (view, index) => view.matrix('m').set(index, 0, 0, 1),
  'matrix().getMatrix': (view, index) => view.matrix('m').getMatrix(index),
  'matrix().setMatrix': (view, index) => view.matrix('m').setMatrix(index, [1, 2, 3, 4]),
  'columns.x[i] read': (view, index) => view.columns.x?.[index],
  'columns.x[i] write': (view, index) => {
    (view.columns.x as Float64Array)[index] = 5;
  },
  'columns.x.subarray()[i]': (view, index) => view.columns.x?.subarray(0, 4)[index],
} satisfies Record<string, (view: AnySoaView, index: number) => unknown>;

const badIndices = [-1, 4, 1.5, Number.NaN, Number.POSITIVE_INFINITY];

describe('range checking (CMSSW RangeChecking)', () => {
  describe.each(Object.entries(accessPaths))('%s', (_name, access) => {
    it.each(badIndices)('enabled: refuses index %s, and the memory is unchanged', (index) => {
      const view = allocateView(Checked, 4, { rangeChecking: 'enabled' });
      const before = new Uint8Array(view.arrayBuffer).slice();
      expect(() => access(view, index)).toThrow(SoaRangeError);
      expect(() => access(view, index)).toThrow(
        /^Out of range index in '.+' of 'CheckedSoA': index .+ out of range \d+/,
      );
      expect(new Uint8Array(view.arrayBuffer)).toEqual(before);
    });

    it('enabled: takes every index from 0 to size-1', () => {
      const view = allocateView(Checked, 4, { rangeChecking: true });
      for (let index = 0; index < 4; index++) expect(() => access(view, index)).not.toThrow();
    });

    it('disabled (the default): does not check, as CMSSW does not', () => {
      const view = allocateView(Checked, 4);
      expect(() => access(view, 4)).not.toThrow();
    });
  });

  it('names the index, why it is wrong, and the range', () => {
    const view = allocateView(Checked, 4, { rangeChecking: 'enabled' });
    expect(() => view.at(4)).toThrow("Out of range index in 'at' of 'CheckedSoA': index 4 out of range 4.");
    expect(() => view.element('flags', 0.5)).toThrow(
      "Out of range index in 'flags' of 'CheckedSoA': index 0.5 (not an integer) out of range 4.",
    );
    // The array column's raw typed array holds N·k values.
    expect(() => view.columns.flags?.[12]).toThrow(
      "Out of range index in 'columns.flags' of 'CheckedSoA': index 12 out of range 12.",
    );
    expect(() => view.columns.x?.['-0' as unknown as number]).toThrow(SoaRangeError);
  });

  it("checked columns keep the typed arrays' methods and properties", () => {
    const view = allocateView(Checked, 4, { rangeChecking: 'enabled' });
    const x = view.columns.x as Float64Array;
    x.set([1, 2, 3, 4]);
    x.fill(7, 3);
    expect([x.length, x.byteOffset, [...x], x.reduce((sum, value) => sum + value, 0)]).toEqual([
      4,
      0,
      [1, 2, 3, 7],
      13,
    ]);
    expect(Array.from(x.subarray(1, 3))).toEqual([2, 3]);
    expect(view.at(3).x).toBe(7);
  });

  it('extended: the error says in which file and on which line the access was', () => {
    const view = allocateView(Checked, 4, { rangeChecking: 'extended' });
    const thisFile = new URL(import.meta.url).pathname;
    for (const [name, access] of Object.entries(accessPaths)) {
      let message = '';
      try {
        access(view, -1);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, name).toMatch(/: index -1 out of range \d+ at file .+ at line \d+$/);
      const file = /at file (.+) at line/.exec(message)?.[1] ?? '';
      expect(file.endsWith(thisFile), `${name}: ${file}`).toBe(true);
    }
  });

  it('refuses a mode CMSSW does not have', () => {
    expect(() => allocateView(Checked, 4, { rangeChecking: 'on' as never })).toThrow(InvalidArgumentError);
    expect(() => allocateView(Checked, 4, { rangeChecking: 'on' as never })).toThrow(
      `rangeChecking is one of 'disabled', 'enabled', 'extended' (or true/false), not "on".`,
    );
    expect(allocateView(Checked, 4, { rangeChecking: true }).rangeChecking).toBe('enabled');
    expect(allocateView(Checked, 4).rangeChecking).toBe('disabled');
  });
});
