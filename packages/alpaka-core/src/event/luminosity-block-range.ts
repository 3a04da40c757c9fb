import { checkedRangeNumber, rangeError as makeRangeError, parseRangeNumber, splitRangeText } from './range-numbers';

const kind = 'a LuminosityBlockRange';

/** A run and luminosity block number, the ends of a LuminosityBlockRange. */
export interface LuminosityBlockID {
  readonly run: number;
  readonly luminosityBlock: number;
}

/**
 * CMSSW's edm::LuminosityBlockRange (DataFormats/Provenance/LuminosityBlockRange.h), the element of
 * `lumisToProcess` and `lumisToSkip` (and of a CRAB job's run-and-lumi list): written `run:lumi` or
 * `run:lumi-run:lumi`, both ends included. An end luminosity block of 0 (`max`) is no limit within the end run;
 * a start of 0 or `min` is 1, as cms.LuminosityBlockRange's parser has it.
 */
export class LuminosityBlockRange {
  readonly startRun: number;
  readonly startLuminosityBlock: number;
  readonly endRun: number;
  readonly endLuminosityBlock: number;
  /** The end's luminosity block, "no limit" as Infinity; the range is immutable. */
  readonly #endBlock: number;

  /** `text`: what the user wrote, for the messages (parse passes it). */
  constructor(start: LuminosityBlockID, end: LuminosityBlockID = start, text?: string) {
    this.startRun = checkedNumber(start.run, 'start run');
    this.startLuminosityBlock = Math.max(1, checkedNumber(start.luminosityBlock, 'start luminosity block'));
    this.endRun = checkedNumber(end.run, 'end run');
    this.endLuminosityBlock = checkedNumber(end.luminosityBlock, 'end luminosity block');
    this.#endBlock = this.endLuminosityBlock === 0 ? Infinity : this.endLuminosityBlock;
    if (this.endRun < this.startRun || (this.endRun === this.startRun && this.#endBlock < this.startLuminosityBlock))
      throw rangeError(text ?? this.encode(), 'it ends before it starts');
    Object.freeze(this);
  }

  /** Parses `1:5`, `1:1-1:100`, `1:1-2:max`; spaces are ignored. */
  static parse(text: string): LuminosityBlockRange {
    const sides = splitRangeText(text);
    if (sides === undefined) throw rangeError(text, "write 'run:lumi' or two of them joined by '-'");
    const id = (fields: readonly string[], atEnd: boolean): LuminosityBlockID => {
      if (fields.length !== 2) throw rangeError(text, "each end is 'run:lumi'");
      return {
        run: parseRangeNumber(kind, text, fields[0], false),
        luminosityBlock: parseRangeNumber(kind, text, fields[1], atEnd),
      };
    };
    return new LuminosityBlockRange(id(sides[0].split(':'), false), id(sides[1].split(':'), true), text);
  }

  contains(id: LuminosityBlockID): boolean {
    const afterStart =
      id.run > this.startRun || (id.run === this.startRun && id.luminosityBlock >= this.startLuminosityBlock);
    const beforeEnd = id.run < this.endRun || (id.run === this.endRun && id.luminosityBlock <= this.#endBlock);
    return afterStart && beforeEnd;
  }

  /** Whether every block of the range comes before this one. */
  endsBefore(id: LuminosityBlockID): boolean {
    return id.run > this.endRun || (id.run === this.endRun && id.luminosityBlock > this.#endBlock);
  }

  encode(): string {
    const start = `${this.startRun}:${this.startLuminosityBlock}`;
    const end = `${this.endRun}:${this.endLuminosityBlock === 0 ? 'max' : this.endLuminosityBlock}`;
    return start === end ? start : `${start}-${end}`;
  }

  toString(): string {
    return this.encode();
  }

  equals(other: LuminosityBlockRange): boolean {
    return this.encode() === other.encode();
  }
}

function checkedNumber(value: number, what: string): number {
  return checkedRangeNumber('A LuminosityBlockRange', value, what);
}

function rangeError(text: string, why: string) {
  return makeRangeError(kind, text, why);
}
