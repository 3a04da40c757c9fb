import { FrameworkError } from '../errors/framework-error';

/** The largest run, luminosity block or event number a range may name (CMSSW's 32-bit numbers). */
export const maximumRangeNumber = 2 ** 32 - 1;

/**
 * A range's text (spaces ignored) split into its start and end, the end being the start when there is no '-';
 * undefined when it has more than one '-' or an empty side.
 */
export function splitRangeText(text: string): readonly [start: string, end: string] | undefined {
  const [start, end, ...rest] = text.replace(/\s+/g, '').split('-');
  if (start === undefined || start === '' || rest.length > 0 || end === '') return undefined;
  return [start, end ?? start];
}

/**
 * One field of an EventRange or LuminosityBlockRange as cms.EventRange's parser reads it: a number, `min` (1),
 * or `max`, which is 0 ("no limit") at a range's end and the largest number at its start.
 */
export function parseRangeNumber(rangeKind: string, text: string, field: string | undefined, atEnd: boolean): number {
  const lower = (field ?? '').toLowerCase();
  if (lower === 'max') return atEnd ? 0 : maximumRangeNumber;
  if (lower === 'min') return 1;
  if (!/^\d+$/.test(lower)) throw rangeError(rangeKind, text, `'${field}' is not a number, 'min' or 'max'`);
  return Number(lower);
}

export function checkedRangeNumber(rangeKind: string, value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > maximumRangeNumber)
    throw new FrameworkError(
      'Configuration',
      `${rangeKind}'s ${what} must be an integer from 0 to ${maximumRangeNumber}, got ${String(value)}.`,
    );
  return value;
}

export function rangeError(rangeKind: string, text: string, why: string): FrameworkError {
  return new FrameworkError('Configuration', `"${text}" is not ${rangeKind}: ${why}.`);
}
