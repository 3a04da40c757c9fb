import picomatch from 'picomatch';
import { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's ensureAvailableAccelerators (FWCore/Framework/src/ensureAvailableAccelerators.cc): the accelerators
 * the job may use are those available on this machine that match a glob pattern of
 * `process.options.accelerators` (default `['*']`); none at all is UnavailableAccelerator (8035) with CMSSW's
 * message. Returns the selected ones (CMSSW's `@selected_accelerators`), in the order they are available.
 */
export function ensureAvailableAccelerators(patterns: readonly string[], available: readonly string[]): string[] {
  const matchers = patterns.map((pattern) => picomatch(pattern));
  const selected = available.filter((accelerator) => matchers.some((matches) => matches(accelerator)));
  if (selected.length === 0) {
    throw new FrameworkError(
      'UnavailableAccelerator',
      'The system has no compute accelerators that match the patterns specified in process.options.accelerators:\n' +
        patterns.map((pattern) => ` ${pattern}\n`).join('') +
        '\nThe following compute accelerators are available:\n' +
        available.map((accelerator) => ` ${accelerator}\n`).join(''),
    );
  }
  return selected;
}
