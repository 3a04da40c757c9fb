import { describe, expect, it } from 'vitest';
import { bool, elementTypes, f32, f64, i8, i16, i32, isElementType, u8, u16, u32 } from '../src/index';

describe('element types', () => {
  it('have C sizes, names and typed arrays', () => {
    const table = Object.values(elementTypes).map((type) => [
      type.name,
      type.byteSize,
      type.cType,
      type.arrayConstructor.name,
    ]);
    expect(table).toEqual([
      ['bool', 1, 'bool', 'Uint8Array'],
      ['i8', 1, 'int8_t', 'Int8Array'],
      ['u8', 1, 'uint8_t', 'Uint8Array'],
      ['i16', 2, 'int16_t', 'Int16Array'],
      ['u16', 2, 'uint16_t', 'Uint16Array'],
      ['i32', 4, 'int32_t', 'Int32Array'],
      ['u32', 4, 'uint32_t', 'Uint32Array'],
      ['f32', 4, 'float', 'Float32Array'],
      ['f64', 8, 'double', 'Float64Array'],
    ]);
  });

  it('convert as a C cast: integers wrap, floats truncate toward zero, f32 rounds', () => {
    expect([i8.convert(200), u8.convert(-1), i16.convert(40000), u16.convert(70000)]).toEqual([-56, 255, -25536, 4464]);
    expect([i32.convert(2 ** 31), u32.convert(-1), i32.convert(-3.9), u32.convert(3.9)]).toEqual([
      -(2 ** 31),
      2 ** 32 - 1,
      -3,
      3,
    ]);
    expect([bool.convert(0), bool.convert(-2), f32.convert(0.1), f64.convert(0.1)]).toEqual([
      0,
      1,
      Math.fround(0.1),
      0.1,
    ]);
    expect(i32.convert(Number.NaN)).toBe(0);
  });

  it('are recognised structurally', () => {
    expect(isElementType(f32)).toBe(true);
    expect(isElementType({ name: 'f32' })).toBe(false);
    expect(Object.isFrozen(f32)).toBe(true);
  });
});
