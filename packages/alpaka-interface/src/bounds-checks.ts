import { InvalidArgumentError } from './errors';

/**
 * The process default of the bounds-checked kernel mode: ALPAKA_TS_BOUNDS_CHECKS=1 (or `true`) turns it on for
 * every queue created afterwards, `0`, `false` or unset leave it off. It is read when a queue is created, not at
 * every launch: a launch stays a few property reads (a GPU launch costs microseconds, and process.env is a
 * call into the runtime), and a queue or exec option still overrides it.
 */
export function boundsChecksDefault(): boolean {
  const value = process.env.ALPAKA_TS_BOUNDS_CHECKS;
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new InvalidArgumentError(
    `ALPAKA_TS_BOUNDS_CHECKS is '${value}'; set it to 1 (bounds-checked kernels) or 0, or unset it.`,
  );
}
