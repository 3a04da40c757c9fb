import type { Writable } from 'node:stream';
import type { EventID } from '../event/event-id';
import type { ActivityRegistry, StreamEventContext } from '../scheduling/activity-registry';
import { formatMessageLoggerTimestamp } from './message-logger-timestamp';

/**
 * CMSSW's per-event framework report (`Begin processing the 1st record. Run 1, Event 1, LumiSection 1 at …`),
 * written when a stream begins an event (preEvent), throttled so a long job's log stays readable.
 */

/** An English ordinal as CMSSW writes record numbers: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th… */
export function ordinal(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  switch (value % 10) {
    case 1:
      return `${value}st`;
    case 2:
      return `${value}nd`;
    case 3:
      return `${value}rd`;
    default:
      return `${value}th`;
  }
}

export function formatBeginProcessingLine(recordNumber: number, eventID: EventID, date: Date): string {
  return (
    `Begin processing the ${ordinal(recordNumber)} record. Run ${eventID.run}, Event ${eventID.event}, ` +
    `LumiSection ${eventID.luminosityBlock} at ${formatMessageLoggerTimestamp(date)}`
  );
}

/**
 * Which records get a line. CMSSW's MessageLogger reports every record (reportEvery = 1) up to a limit, then
 * at exponentially growing intervals; here the first ten records each get a line, then every tenth up to 100,
 * every hundredth up to 1000, and so on (record n is reported when n <= 10 or n is a multiple of 10^(d-1), d
 * being n's number of digits): about nine lines per decade, however long the job.
 */
export function isReportedRecord(recordNumber: number): boolean {
  if (recordNumber <= 10) return recordNumber >= 1;
  let interval = 10;
  while (interval * 10 <= recordNumber) interval *= 10;
  return recordNumber % interval === 0;
}

/** The record reported after a reported one (n + 1 up to 10, then n + 10^(d-1)): one comparison per event. */
export function nextReportedRecord(recordNumber: number): number {
  if (recordNumber < 10) return recordNumber + 1;
  let interval = 10;
  while (interval * 10 <= recordNumber) interval *= 10;
  return recordNumber + interval;
}

/** Connects the line writer to preEvent; returns the disconnection. Records are counted across the whole job. */
export function connectEventProgressLines(
  activityRegistry: ActivityRegistry,
  stream: Writable,
  now: () => Date = () => new Date(),
): () => void {
  let recordNumber = 0;
  let nextReported = 1;
  return activityRegistry.preEvent.connect((context: StreamEventContext) => {
    recordNumber += 1;
    if (recordNumber === nextReported) {
      stream.write(`${formatBeginProcessingLine(recordNumber, context.eventID, now())}\n`);
      nextReported = nextReportedRecord(recordNumber);
    }
  });
}
