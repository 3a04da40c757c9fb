const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A time as CMSSW's MessageLogger stamps its framework reports, with milliseconds: `01-Dec-2026 22:15:11.123 UTC`.
 * CMSSW writes the local zone's abbreviation; alpaka-run always writes UTC so logs from several machines compare.
 */
export function formatMessageLoggerTimestamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${pad(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    `${pad(date.getUTCMilliseconds(), 3)} UTC`
  );
}
