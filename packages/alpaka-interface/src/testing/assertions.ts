/** A conformance check that did not hold; the message says what was expected and what was found. */
export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceFailure';
  }
}

const show = (value: unknown): string =>
  typeof value === 'number' && Object.is(value, -0) ? '-0' : (JSON.stringify(value) ?? String(value));

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected) && !(actual === expected)) {
    throw new ConformanceFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function expectTrue(condition: boolean, what: string): void {
  if (!condition) throw new ConformanceFailure(what);
}

/** Element-wise equality; NaN equals NaN. Reports the first mismatching index. */
export function expectArrayEqual(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  if (actual.length !== expected.length)
    throw new ConformanceFailure(`${what}: expected ${expected.length} elements, got ${actual.length}`);
  for (let index = 0; index < expected.length; index++) {
    const a = actual[index] as number;
    const e = expected[index] as number;
    if (!(a === e || (Number.isNaN(a) && Number.isNaN(e)))) {
      throw new ConformanceFailure(`${what}: element ${index} expected ${show(e)}, got ${show(a)}`);
    }
  }
}

export function expectClose(actual: number, expected: number, relativeTolerance: number, what: string): void {
  if (Number.isNaN(expected) ? Number.isNaN(actual) : actual === expected) return;
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  if (!(Math.abs(actual - expected) / scale <= relativeTolerance)) {
    throw new ConformanceFailure(`${what}: expected ${expected} within relative ${relativeTolerance}, got ${actual}`);
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** Expects the function (sync or async) to throw an instance of errorClass whose message matches pattern. */
export async function expectThrows(
  action: () => unknown,
  errorClass: ErrorClass,
  pattern: RegExp,
  what: string,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof errorClass)) {
      throw new ConformanceFailure(
        `${what}: expected ${errorClass.name}, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
      );
    }
    if (!pattern.test(error.message))
      throw new ConformanceFailure(`${what}: the message "${error.message}" does not match ${pattern}`);
    return;
  }
  throw new ConformanceFailure(`${what}: expected ${errorClass.name}, but nothing was thrown`);
}
