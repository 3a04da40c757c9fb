import type { EventID } from './event-id';
import { checkedRangeNumber, rangeError as makeRangeError, parseRangeNumber, splitRangeText } from './range-numbers';

const kind = 'an EventRange';

/**
 * CMSSW's edm::EventRange (DataFormats/Provenance/EventRange.h), the element of `eventsToProcess` and
 * `eventsToSkip`: from `start` to `end`, both included. Written `run:event` or `run:lumi:event`, a range
 * `start-end`; a single ID is the range of that one event. In the two-field form the luminosity block is 0 and
 * means "any": the range orders events by run and event number only. An end event of 0 (written `max`) is no
 * limit; a start event of 0 or `min` is 1, as cms.EventRange's parser has it.
 */
export class EventRange {
  readonly startRun: number;
  readonly startLuminosityBlock: number;
  readonly startEvent: number;
  readonly endRun: number;
  readonly endLuminosityBlock: number;
  readonly endEvent: number;
  /** The ends as (run, lumi, event) keys, the end's "no limit" as Infinity; the range is immutable. */
  readonly #startKey: Key;
  readonly #endKey: Key;

  /** `text`: what the user wrote, for the messages (parse passes it). */
  constructor(start: EventID, end: EventID = start, text?: string) {
    this.startRun = checkedNumber(start.run, 'start run');
    this.startLuminosityBlock = checkedNumber(start.luminosityBlock, 'start luminosity block');
    this.startEvent = Math.max(1, checkedNumber(start.event, 'start event'));
    this.endRun = checkedNumber(end.run, 'end run');
    this.endLuminosityBlock = checkedNumber(end.luminosityBlock, 'end luminosity block');
    this.endEvent = checkedNumber(end.event, 'end event');
    if ((this.startLuminosityBlock === 0) !== (this.endLuminosityBlock === 0))
      throw rangeError(
        text ?? this.encode(),
        'its start and end must both name a luminosity block or both leave it out',
      );
    this.#startKey = [this.startRun, this.startLuminosityBlock, this.startEvent];
    this.#endKey = [this.endRun, this.endLuminosityBlock, this.endEvent === 0 ? Infinity : this.endEvent];
    if (compareKeys(this.#endKey, this.#startKey) < 0)
      throw rangeError(text ?? this.encode(), 'it ends before it starts');
    Object.freeze(this);
  }

  /** Parses `1:5`, `1:2:5`, `1:1-1:100`, `1:1:1-2:1:max`; spaces are ignored, as in cms.EventRange. */
  static parse(text: string): EventRange {
    const sides = splitRangeText(text);
    if (sides === undefined) throw rangeError(text, "write 'run:event', 'run:lumi:event' or two of them joined by '-'");
    const [start, end] = sides.map((side) => side.split(':')) as [string[], string[]];
    if (start.length !== end.length || start.length < 2 || start.length > 3)
      throw rangeError(text, "both ends need the same form, 'run:event' or 'run:lumi:event'");
    const number = (field: string | undefined, atEnd: boolean) => parseRangeNumber(kind, text, field, atEnd);
    const id = (fields: readonly string[], atEnd: boolean): EventID => {
      const last = fields.length - 1;
      return {
        run: number(fields[0], false),
        luminosityBlock: fields.length === 3 ? number(fields[1], false) : 0,
        event: number(fields[last], atEnd),
      };
    };
    return new EventRange(id(start, false), id(end, true), text);
  }

  /** Whether the event is inside the range (CMSSW's contains, lumi ignored in the two-field form). */
  contains(id: EventID): boolean {
    const key = this.#keyOf(id);
    return compareKeys(key, this.#startKey) >= 0 && compareKeys(key, this.#endKey) <= 0;
  }

  /** Whether every event of the range comes before this one: a source reading in order can stop there. */
  endsBefore(id: EventID): boolean {
    return compareKeys(this.#keyOf(id), this.#endKey) > 0;
  }

  /** An event's key as this range orders it: without its luminosity block in the two-field form. */
  #keyOf(id: EventID): Key {
    return [id.run, this.startLuminosityBlock === 0 ? 0 : id.luminosityBlock, id.event];
  }

  /** The configuration form: `1:1-1:100`, `1:2:5-1:2:max`. */
  encode(): string {
    const field = (run: number, lumi: number, event: string) =>
      this.startLuminosityBlock === 0 && this.endLuminosityBlock === 0 ? `${run}:${event}` : `${run}:${lumi}:${event}`;
    const start = field(this.startRun, this.startLuminosityBlock, String(this.startEvent));
    const end = field(this.endRun, this.endLuminosityBlock, this.endEvent === 0 ? 'max' : String(this.endEvent));
    return start === end ? start : `${start}-${end}`;
  }

  toString(): string {
    return this.encode();
  }

  equals(other: EventRange): boolean {
    return this.encode() === other.encode();
  }
}

type Key = readonly [number, number, number];

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1);
}

function checkedNumber(value: number, what: string): number {
  return checkedRangeNumber('An EventRange', value, what);
}

function rangeError(text: string, why: string) {
  return makeRangeError(kind, text, why);
}
