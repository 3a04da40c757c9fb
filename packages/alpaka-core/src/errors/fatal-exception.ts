import type { FrameworkError } from './framework-error';

/**
 * The frame cmsRun prints around the exception that ends a job
 * (`----- Begin Fatal Exception <date>-----------------------` … `----- End Fatal Exception ---…`), with the
 * hint CMSSW adds for ProductNotFound.
 */
export function formatFatalException(error: FrameworkError, date: Date = new Date()): string {
  if (error.category === 'ProductNotFound' && !error.additionalInfo.includes(productNotFoundHint)) {
    error.addAdditionalInfo(productNotFoundHint);
  }
  return (
    `----- Begin Fatal Exception ${formatCmsDate(date)}-----------------------\n${error.explainSelf()}` +
    '----- End Fatal Exception -------------------------------------------------\n'
  );
}

const productNotFoundHint =
  'If you wish to continue processing events after a ProductNotFound exception,\n' +
  'add "TryToContinue = cms.untracked.vstring(\'ProductNotFound\')" to the "options" PSet in the configuration.';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as CMSSW's message logger writes it: `01-Dec-2026 22:15:11 UTC`. */
function formatCmsDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`
  );
}
