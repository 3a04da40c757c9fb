import { describe, expect, it } from 'vitest';
import { formatGeneral, formatScientific } from '../../src/services/c-number-format';

describe("C's number formats", () => {
  it.each([
    [9.324276, '9.324276e+00'],
    [0.1, '1.000000e-01'],
    [123456.789, '1.234568e+05'],
    [0, '0.000000e+00'],
    [1e-120, '1.000000e-120'],
  ])('%%e of %d is %s', (value, text) => {
    expect(formatScientific(value)).toBe(text);
  });

  it.each([
    [1072.4697, '1072.47'],
    [1000, '1000'],
    [0.5, '0.5'],
    [123456.4, '123456'],
    [1234567, '1.23457e+06'],
    [999999.7, '1e+06'],
    [0.0001234, '0.0001234'],
    [0.00001234, '1.234e-05'],
    [0, '0'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NaN, 'nan'],
  ])("an ostream's default format of %d is %s", (value, text) => {
    expect(formatGeneral(value)).toBe(text);
  });
});
