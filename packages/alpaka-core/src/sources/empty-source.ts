import { FrameworkError } from '../errors/framework-error';
import { makeEventID } from '../event/event-id';
import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';
import { EventSkipperByID } from './event-skipper-by-id';
import { InputSource, type SourceEvent } from './input-source';

/**
 * CMSSW's EmptySource (IDGeneratorSourceBase): events with no products, numbered from firstRun,
 * firstLuminosityBlock and firstEvent (all 1 by default). A new luminosity block starts every
 * numberEventsInLuminosityBlock events and a new run every numberEventsInRun events (0 or absent: never), the
 * event number going on across luminosity blocks and restarting at 1 in a new run, the luminosity block going
 * back to firstLuminosityBlock. skipEvents skips that many events first. Times start at firstTime (1) and grow
 * by timeBetweenEvents (5000000). How many events there are is process.maxEvents' business.
 *
 * Beyond CMSSW's EmptySource, a batch job's event ranges: `eventsToProcess`/`eventsToSkip` and
 * `lumisToProcess`/`lumisToSkip` (EventSkipperByID's) leave generated events out, after skipEvents, and the
 * input ends once every ...ToProcess range is behind, so `eventsToProcess = ['1:26-1:50']` is a job of 25 events.
 */
const maximumSkippedInARow = 10_000_000;

export class EmptySource extends InputSource {
  readonly #firstLuminosityBlock: number;
  readonly #eventsInRun: number;
  readonly #eventsInLuminosityBlock: number;
  readonly #timeBetweenEvents: bigint;
  #run: number;
  #luminosityBlock: number;
  #event: number;
  #time: bigint;
  #eventsInThisRun = 0;
  #eventsInThisLuminosityBlock = 0;
  #started = false;
  #toSkip: number;
  readonly #skipper: EventSkipperByID;

  /** CMSSW's EmptySource description (IDGeneratorSourceBase and ProducerSourceBase): every parameter untracked. */
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.setComment('Creates runs, lumis and events containing no products.');
    description.addUntracked('firstRun', 'uint32', 1).setComment('Run number of the first event.');
    description.addUntracked('firstLuminosityBlock', 'uint32', 1).setComment('Luminosity block of the first event.');
    description.addUntracked('firstEvent', 'uint32', 1).setComment('Event number of the first event.');
    description
      .addUntracked('numberEventsInRun', 'uint32', 0)
      .setComment('Events in each run before the next begins (0: one run).');
    description
      .addUntracked('numberEventsInLuminosityBlock', 'uint32', 0)
      .setComment('Events in each luminosity block before the next begins (0: one luminosity block per run).');
    description.addUntracked('firstTime', 'uint64', 1n).setComment('Time of the first event.');
    description.addUntracked('timeBetweenEvents', 'uint64', 5000000n).setComment('Time added for each event.');
    description.addUntracked('skipEvents', 'uint32', 0).setComment('Events generated and skipped before the first.');
    EventSkipperByID.fillDescription(description, false);
    descriptions.add('source', description);
  }

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#run = readCount(parameters, 'firstRun', 1);
    this.#firstLuminosityBlock = readCount(parameters, 'firstLuminosityBlock', 1);
    this.#luminosityBlock = this.#firstLuminosityBlock;
    this.#event = readCount(parameters, 'firstEvent', 1) - 1;
    this.#eventsInRun = readCount(parameters, 'numberEventsInRun', 0);
    this.#eventsInLuminosityBlock = readCount(parameters, 'numberEventsInLuminosityBlock', 0);
    this.#time = BigInt(readCount(parameters, 'firstTime', 1));
    this.#timeBetweenEvents = BigInt(readCount(parameters, 'timeBetweenEvents', 5000000));
    this.#toSkip = readCount(parameters, 'skipEvents', 0);
    this.#time -= this.#timeBetweenEvents;
    this.#skipper = new EventSkipperByID(parameters, false);
  }

  override next(): SourceEvent | undefined {
    while (this.#toSkip > 0) {
      this.#advance();
      this.#toSkip--;
    }
    for (let skipped = 0; ; skipped++) {
      // Ranges that skip every event for ever (eventsToSkip '1:1-1:max' in one endless run) would hang the job.
      if (skipped === maximumSkippedInARow)
        throw new FrameworkError(
          'Configuration',
          `EmptySource skipped ${maximumSkippedInARow} generated events in a row: its eventsToSkip/lumisToSkip ` +
            'or eventsToProcess/lumisToProcess leave no event to process. Check the ranges.',
        );
      this.#advance();
      const id = makeEventID(this.#run, this.#luminosityBlock, this.#event);
      if (this.#skipper.isPastEnd(id)) return undefined;
      if (!this.#skipper.skips(id)) return { id, time: this.#time };
    }
  }

  #advance(): void {
    this.#time += this.#timeBetweenEvents;
    if (!this.#started) {
      this.#started = true;
      this.#event += 1;
      this.#eventsInThisRun = 1;
      this.#eventsInThisLuminosityBlock = 1;
      return;
    }
    if (this.#eventsInRun < 1 || this.#eventsInThisRun < this.#eventsInRun) {
      this.#eventsInThisRun++;
      if (this.#eventsInLuminosityBlock < 1 || this.#eventsInThisLuminosityBlock < this.#eventsInLuminosityBlock) {
        this.#eventsInThisLuminosityBlock++;
      } else {
        this.#luminosityBlock++;
        this.#eventsInThisLuminosityBlock = 1;
      }
      this.#event++;
    } else {
      this.#run++;
      this.#luminosityBlock = this.#firstLuminosityBlock;
      this.#event = 1;
      this.#eventsInThisRun = 1;
      this.#eventsInThisLuminosityBlock = 1;
    }
  }
}

function readCount(parameters: ParameterSet, name: string, defaultValue: number): number {
  const entry = parameters.entry(name);
  if (entry === undefined) return defaultValue;
  const value = entry.value;
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw new FrameworkError(
      'Configuration',
      `EmptySource parameter '${name}' must be a non-negative integer (untracked uint32), got ${String(value)}.`,
    );
  }
  return number;
}
