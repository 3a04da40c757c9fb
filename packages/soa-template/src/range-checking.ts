import { InvalidArgumentError } from '@alpaka-ts/interface';
import { SoaRangeError } from './soa-range-error';

/**
 * CMSSW's cms::soa::RangeChecking: `disabled` (the default: indices are not checked, as typed arrays do not check
 * them), `enabled` (every index a view takes is checked: an integer from 0 to size-1), and `extended` (the same,
 * and the error names the file and line of the access, as CMSSW's std::source_location does).
 */
export type RangeChecking = 'disabled' | 'enabled' | 'extended';

const modes: readonly RangeChecking[] = ['disabled', 'enabled', 'extended'];

/** The mode a view option names; `true` and `false` are `enabled` and `disabled`. */
export function rangeCheckingMode(option: boolean | RangeChecking | undefined): RangeChecking {
  if (option === undefined || option === false) return 'disabled';
  if (option === true) return 'enabled';
  if (modes.includes(option)) return option;
  throw new InvalidArgumentError(
    `rangeChecking is one of ${modes.map((mode) => `'${mode}'`).join(', ')} (or true/false), not ${JSON.stringify(option)}.`,
  );
}

/** Whether `index` is an element of a view of `size` elements: an integer from 0 to size-1. */
export const isElementIndex = (index: number, size: number): boolean =>
  Number.isInteger(index) && index >= 0 && index < size;

// This file's folder: frames from files there (and the package's built bundle, one file beside it) are the
// view's own; the first frame outside it is the access a user wrote.
const ownFolder = import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1);

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/** The file and line of the first caller outside soa-template, from V8's structured stack trace. */
function accessLocation(): string {
  const original = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 50;
    Error.prepareStackTrace = (_error, sites) => sites;
    const sites = new Error().stack as unknown as CallSite[] | undefined;
    if (!Array.isArray(sites)) return 'at an unknown place (this JavaScript engine gives no call sites)';
    const caller = sites.find((site) => {
      const file = site.getFileName();
      if (!file) return false;
      const url = file.startsWith('file://') || file.startsWith('node:') ? file : `file://${file}`;
      return !url.startsWith(ownFolder) && !url.startsWith('node:');
    });
    if (!caller) return 'at an unknown place';
    const file = caller.getFileName() as string;
    // ES modules' frames name URLs; CMSSW names a path.
    const path = file.startsWith('file://') ? decodeURIComponent(new URL(file).pathname) : file;
    return `at file ${path} at line ${caller.getLineNumber()}`;
  } finally {
    Error.prepareStackTrace = original;
    Error.stackTraceLimit = limit;
  }
}

/** The error for an index out of range, in CMSSW's words, with where the access was in extended mode. */
export function outOfRange(
  mode: RangeChecking,
  layoutName: string,
  what: string,
  index: unknown,
  size: number,
): SoaRangeError {
  const reason = typeof index === 'number' && !Number.isInteger(index) ? ' (not an integer)' : '';
  const message = `Out of range index in '${what}' of '${layoutName}': index ${String(index)}${reason} out of range ${size}`;
  return new SoaRangeError(mode === 'extended' ? `${message} ${accessLocation()}` : `${message}.`);
}
