import { f64, i16, i32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import {
  alignSize,
  arrayColumn,
  column,
  computeDataSize,
  computeLayout,
  defineLayout,
  layoutSchemaOf,
  type MatrixColumn,
  matrixColumn,
  scalar,
  soaLayout,
} from '../src/index';

// Every kind of field, declared with decorators. CMSSW's TestSoA itself, and the checks of its byte layout
// against CMSSW's, are in @alpaka-ts/test-objects (which depends on this package).
@soaLayout()
class DecoratedSoA {
  @column(f64) x!: number;
  @column(f64) y!: number;
  @column(f64) z!: number;
  @column(i32) id!: number;
  @scalar(f64) r!: number;
  @arrayColumn(i16, 4) flags!: Int16Array;
  @matrixColumn(f64, 3, 6) m!: MatrixColumn<'f64'>;
}

describe('SoA layouts', () => {
  it('decorators build the same schema as defineLayout', () => {
    expect(layoutSchemaOf(DecoratedSoA)).toEqual(
      defineLayout('DecoratedSoA', [
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
