import { type ConstEvent, FrameworkError, formatEventID } from '@alpaka-ts/core';

/** Where a check ran: the analyzer's label and the event, named in every failure message. */
export interface CheckPlace {
  readonly moduleLabel: string;
  readonly event: ConstEvent;
}

/** One failed check: the field and index (when a row's), what was expected and what was seen. */
export interface CheckFailure {
  readonly field: string;
  readonly index?: number;
  readonly expected: unknown;
  readonly seen: unknown;
}

/**
 * The failure of a check, as CMSSW's `cms::Exception("Assert")`: `headline` is CMSSW's message where it has one
 * (checks that are plain asserts there get a headline saying which check failed), and the second line names the
 * module, the event, the field, the index, and the expected and the seen value, so a failing job says what to
 * look at without a debugger.
 */
export function assertFailure(place: CheckPlace, headline: string, failure: CheckFailure): FrameworkError {
  const index = failure.index === undefined ? '' : ` index ${failure.index}`;
  return new FrameworkError(
    'Assert',
    `${headline}\nmodule '${place.moduleLabel}', event ${formatEventID(place.event.id())}: ` +
      `field ${failure.field}${index} expected ${format(failure.expected)}, seen ${format(failure.seen)}`,
  );
}

// Arrays, typed arrays and a const view's read-only element arrays (proxies, for which ArrayBuffer.isView is false).
function format(value: unknown): string {
  const arrayLike =
    Array.isArray(value) ||
    ArrayBuffer.isView(value) ||
    (typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number');
  if (arrayLike) return `{${Array.from(value as ArrayLike<unknown>).join(', ')}}`;
  return String(value);
}
