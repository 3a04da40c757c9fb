import { FrameworkError } from '../errors/framework-error';
import type { EventID } from '../event/event-id';
import type { EventRange } from '../event/event-range';
import type { LuminosityBlockRange } from '../event/luminosity-block-range';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { ParameterSetDescription } from '../parameter-set/parameter-set-description';

/**
 * CMSSW's EventSkipperByID (FWCore/Sources): which events a source leaves out by their IDs, the parameters a
 * batch job's splitting sets. `firstRun`, `firstLuminosityBlock` and `firstEvent` skip what comes before that
 * point (when the source reads files; a generating source numbers from them instead and leaves them out here);
 * `lumisToSkip`/`lumisToProcess` and `eventsToSkip`/`eventsToProcess` skip by ranges, an empty ...ToProcess
 * meaning everything. The order of the checks is CMSSW's.
 */
export class EventSkipperByID {
  readonly #firstRun: number;
  readonly #firstLuminosityBlock: number;
  readonly #firstEvent: number;
  readonly #lumisToSkip: readonly LuminosityBlockRange[];
  readonly #lumisToProcess: readonly LuminosityBlockRange[];
  readonly #eventsToSkip: readonly EventRange[];
  readonly #eventsToProcess: readonly EventRange[];

  /** The range parameters, and with `withFirst` the firstRun/firstLuminosityBlock/firstEvent ones, untracked. */
  static fillDescription(description: ParameterSetDescription, withFirst: boolean): void {
    if (withFirst) {
      description.addUntracked('firstRun', 'uint32', 1).setComment("Skip any run with run number < 'firstRun'.");
      description
        .addUntracked('firstLuminosityBlock', 'uint32', 0)
        .setComment("Skip any lumi in run 'firstRun' with lumi number < 'firstLuminosityBlock'.");
      description
        .addUntracked('firstEvent', 'uint32', 1)
        .setComment(
          "If 'firstLuminosityBlock' == 0, skip any event in run 'firstRun' with event number < 'firstEvent'.\n" +
            "If 'firstLuminosityBlock' != 0, skip any event in lumi 'firstRun:firstLuminosityBlock' with event number < 'firstEvent'.",
        );
    }
    description
      .addUntracked('lumisToSkip', 'VLuminosityBlockRange', [])
      .setComment("Skip any lumi inside the specified run:lumi ranges ('1:1-1:100').");
    description
      .addUntracked('lumisToProcess', 'VLuminosityBlockRange', [])
      .setComment('If not empty, skip any lumi outside the specified run:lumi ranges.');
    description
      .addUntracked('eventsToSkip', 'VEventRange', [])
      .setComment("Skip any event inside the specified run:event or run:lumi:event ranges ('1:1-1:100').");
    description
      .addUntracked('eventsToProcess', 'VEventRange', [])
      .setComment('If not empty, skip any event outside the specified run:event or run:lumi:event ranges.');
  }

  constructor(parameters: ParameterSet, withFirst: boolean) {
    this.#firstRun = withFirst ? count(parameters, 'firstRun', 1) : 0;
    this.#firstLuminosityBlock = withFirst ? count(parameters, 'firstLuminosityBlock', 0) : 0;
    this.#firstEvent = withFirst ? count(parameters, 'firstEvent', 1) : 0;
    this.#lumisToSkip = ranges(parameters, 'lumisToSkip', 'VLuminosityBlockRange');
    this.#lumisToProcess = ranges(parameters, 'lumisToProcess', 'VLuminosityBlockRange');
    this.#eventsToSkip = ranges(parameters, 'eventsToSkip', 'VEventRange');
    this.#eventsToProcess = ranges(parameters, 'eventsToProcess', 'VEventRange');
  }

  get lumisToSkip(): readonly LuminosityBlockRange[] {
    return this.#lumisToSkip;
  }
  get lumisToProcess(): readonly LuminosityBlockRange[] {
    return this.#lumisToProcess;
  }
  get eventsToSkip(): readonly EventRange[] {
    return this.#eventsToSkip;
  }
  get eventsToProcess(): readonly EventRange[] {
    return this.#eventsToProcess;
  }

  /** Whether any range is given (a generating source then has to look at each event's ID). */
  get hasRanges(): boolean {
    return (
      this.#lumisToSkip.length +
        this.#lumisToProcess.length +
        this.#eventsToSkip.length +
        this.#eventsToProcess.length >
      0
    );
  }

  /** Whether the source leaves this event out. */
  skips(given: EventID): boolean {
    // CMSSW corrects a run number of 0 to 1 for every check.
    const id = given.run === 0 ? { ...given, run: 1 } : given;
    const run = id.run;
    if (run < this.#firstRun) return true;
    if (run === this.#firstRun) {
      if (id.luminosityBlock < this.#firstLuminosityBlock) return true;
      const inFirstBlock = this.#firstLuminosityBlock === 0 || id.luminosityBlock === this.#firstLuminosityBlock;
      if (inFirstBlock && id.event < this.#firstEvent) return true;
    }
    if (this.#lumisToSkip.some((range) => range.contains(id))) return true;
    if (this.#lumisToProcess.length > 0 && !this.#lumisToProcess.some((range) => range.contains(id))) return true;
    if (this.#eventsToSkip.some((range) => range.contains(id))) return true;
    return this.#eventsToProcess.length > 0 && !this.#eventsToProcess.some((range) => range.contains(id));
  }

  /**
   * Whether no event at or after this one (in run, lumi, event order) can be processed: every ...ToProcess range
   * ends before it. A generating source ends its input there instead of counting up for ever.
   */
  isPastEnd(id: EventID): boolean {
    const lumisOver = this.#lumisToProcess.length > 0 && this.#lumisToProcess.every((range) => range.endsBefore(id));
    const eventsOver = this.#eventsToProcess.length > 0 && this.#eventsToProcess.every((range) => range.endsBefore(id));
    return lumisOver || eventsOver;
  }
}

function count(parameters: ParameterSet, name: string, defaultValue: number): number {
  const value = parameters.getUntrackedParameter<unknown>(name, defaultValue);
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0)
    throw new FrameworkError(
      'Configuration',
      `Source parameter '${name}' must be a non-negative integer (untracked uint32), got ${String(value)}.`,
    );
  return number;
}

function ranges<T>(parameters: ParameterSet, name: string, type: 'VEventRange' | 'VLuminosityBlockRange'): T[] {
  const entry = parameters.entry(name);
  if (entry === undefined) return [];
  if (entry.type !== type || entry.tracked)
    throw new FrameworkError(
      'Configuration',
      `Source parameter '${name}' must be an untracked ${type} (cms.untracked.${type}('1:1-1:100')), ` +
        `got ${entry.tracked ? 'tracked' : 'untracked'} ${entry.type}.`,
    );
  return [...(entry.value as readonly T[])];
}
