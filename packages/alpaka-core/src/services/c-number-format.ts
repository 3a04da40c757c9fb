/**
 * Numbers as pixeltrack's result line prints them with C and C++ streams, so the line reads character for
 * character like `Processed 10000 events in 9.324276e+00 seconds, throughput 1072.47 events/s, …`:
 * printf's `%e` for the time and an ostream's default format (`%g`, six significant digits) for the rate.
 */

/** printf's `%e`: one digit, a point, `precision` digits, `e`, a sign and at least two exponent digits. */
export function formatScientific(value: number, precision = 6): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const [mantissa, exponent] = value.toExponential(precision).split('e') as [string, string];
  return `${mantissa}e${cExponent(Number(exponent))}`;
}

/**
 * An ostream's default floating-point format (printf's `%g` with precision 6): fixed notation unless the
 * exponent is below -4 or at least the precision, trailing zeros removed.
 */
export function formatGeneral(value: number, precision = 6): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // The exponent after rounding to `precision` significant digits decides the notation, as in C.
  const [mantissa, exponentText] = value.toExponential(precision - 1).split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= precision) return `${stripZeros(mantissa)}e${cExponent(exponent)}`;
  return stripZeros(value.toFixed(precision - 1 - exponent));
}

function cExponent(exponent: number): string {
  return `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  return value > 0 ? 'inf' : '-inf';
}
