import type { EventID } from '../event/event-id';
import type { EventSetupSyncValue } from './event-setup-provider';

/** CMSSW's largest run and luminosity-block numbers (32 bits) and the largest event number JavaScript holds exactly. */
export const maxRunNumber = 0xffffffff;
export const maxLuminosityBlockNumber = 0xffffffff;
export const maxEventNumber = Number.MAX_SAFE_INTEGER;

/**
 * CMSSW's edm::IOVSyncValue: a point in the job's history, as an EventID (run-based IOVs, whose boundaries are
 * `EventID(run, 0, 0)`), a timestamp (time-based IOVs), or both (an event's own value and the ends of time).
 * Two values compare by EventID when both have one, else by time, as IOVSyncValue::doOp does.
 */
export class IOVSyncValue {
  readonly eventID: EventID | undefined;
  readonly time: bigint | undefined;

  constructor(eventID: EventID | undefined, time: bigint | undefined) {
    this.eventID = eventID === undefined ? undefined : Object.freeze({ ...eventID });
    this.time = time;
    Object.freeze(this);
  }

  /** The start of a run-based IOV: `EventID(run, 0, 0)`. */
  static ofRun(run: number): IOVSyncValue {
    return new IOVSyncValue({ run, luminosityBlock: 0, event: 0 }, undefined);
  }

  /** The end of a run-based IOV that stops before `run` starts (EventID::previousRunLastEvent). */
  static lastEventBeforeRun(run: number): IOVSyncValue {
    return new IOVSyncValue(
      { run: run - 1, luminosityBlock: maxLuminosityBlockNumber, event: maxEventNumber },
      undefined,
    );
  }

  static ofTime(time: bigint): IOVSyncValue {
    return new IOVSyncValue(undefined, time);
  }

  static readonly invalid: IOVSyncValue = new IOVSyncValue({ run: 0, luminosityBlock: 0, event: 0 }, 0n);
  static readonly beginOfTime: IOVSyncValue = new IOVSyncValue({ run: 1, luminosityBlock: 0, event: 0 }, 1n);
  static readonly endOfTime: IOVSyncValue = new IOVSyncValue(
    { run: maxRunNumber, luminosityBlock: maxLuminosityBlockNumber, event: maxEventNumber },
    (1n << 64n) - 1n,
  );

  /** As CMSSW prints one: `run: 1 lumi: 0 event: 0` and/or `time: 5`. */
  toString(): string {
    const parts: string[] = [];
    if (this.eventID !== undefined) {
      parts.push(`run: ${this.eventID.run} lumi: ${this.eventID.luminosityBlock} event: ${this.eventID.event}`);
    }
    if (this.time !== undefined) parts.push(`time: ${this.time}`);
    return parts.join(' ');
  }
}

/** Orders two sync values: negative, 0 or positive. */
export function compareIOVSyncValues(a: IOVSyncValue, b: IOVSyncValue): number {
  if (a.eventID !== undefined && b.eventID !== undefined) return compareEventNumbers(a.eventID, b.eventID);
  return compareTimes(a.time ?? 0n, b.time ?? 0n);
}

/** Orders a boundary against an event's synchronisation value (the hot path: no allocation). */
export function compareToEvent(boundary: IOVSyncValue, event: EventSetupSyncValue): number {
  if (boundary.eventID !== undefined) return compareEventNumbers(boundary.eventID, event.eventID);
  return compareTimes(boundary.time ?? 0n, event.time);
}

function compareEventNumbers(a: EventID, b: EventID): number {
  return a.run - b.run || a.luminosityBlock - b.luminosityBlock || a.event - b.event;
}

function compareTimes(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
