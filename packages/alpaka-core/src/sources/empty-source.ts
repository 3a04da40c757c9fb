import { FrameworkError } from '../errors/framework-error';
import { type EventID, formatEventID } from '../event/event-id';
import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';
import { EventSkipperByID } from './event-skipper-by-id';
import { type EventNumbering, firstIndexAtOrAfter, generatedEventID } from './generated-event-numbers';
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
 * `lumisToProcess`/`lumisToSkip` (EventSkipperByID's) leave generated events out, skipEvents then counting the
 * events they keep (PoolSource's order), and the input ends once every ...ToProcess range is behind, so
 * `eventsToProcess = ['1:26-1:50']` is a job of 25 events. Events are numbered from their index in O(1), so a
 * range far ahead is reached at once; ranges that no generated event falls in are a Configuration error.
 */
export class EmptySource extends InputSource {
  readonly #numbering: EventNumbering;
  readonly #firstTime: bigint;
  readonly #timeBetweenEvents: bigint;
  readonly #skipper: EventSkipperByID;
  /** The index of the next event to generate (0: the first). */
  #index = 0;
  #toSkip: number;
  #delivered = false;

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
    description
      .addUntracked('skipEvents', 'uint32', 0)
      .setComment('Events skipped before the first, counting those the ranges below leave.');
    EventSkipperByID.fillDescription(description, false);
    descriptions.add('source', description);
  }

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#numbering = {
      firstRun: readCount(parameters, 'firstRun', 1),
      firstLuminosityBlock: readCount(parameters, 'firstLuminosityBlock', 1),
      firstEvent: readCount(parameters, 'firstEvent', 1),
      eventsInRun: readCount(parameters, 'numberEventsInRun', 0),
      eventsInLuminosityBlock: readCount(parameters, 'numberEventsInLuminosityBlock', 0),
    };
    this.#firstTime = BigInt(readCount(parameters, 'firstTime', 1));
    this.#timeBetweenEvents = BigInt(readCount(parameters, 'timeBetweenEvents', 5000000));
    this.#toSkip = readCount(parameters, 'skipEvents', 0);
    this.#skipper = new EventSkipperByID(parameters, false);
  }

  override next(): SourceEvent | undefined {
    if (!this.#skipper.hasRanges) {
      // Without ranges every generated event is kept: skipEvents is a jump.
      this.#index += this.#toSkip;
      this.#toSkip = 0;
      return this.#deliver(this.#index++);
    }
    for (;;) {
      const index = this.#index;
      const id = generatedEventID(this.#numbering, index);
      if (this.#skipper.isPastEnd(id)) return this.#endOfRanges(id);
      if (this.#skipper.skips(id)) {
        const next = this.#nextCandidate(index, id);
        if (next === undefined) return this.#endOfRanges(id);
        this.#index = next;
        continue;
      }
      this.#index = index + 1;
      if (this.#toSkip > 0) {
        this.#toSkip--;
        continue;
      }
      return this.#deliver(index);
    }
  }

  #deliver(index: number): SourceEvent {
    this.#delivered = true;
    const time = this.#firstTime + BigInt(index) * this.#timeBetweenEvents;
    return { id: generatedEventID(this.#numbering, index), time };
  }

  /** No generated event is in the ranges any more: the end of the input, an error when none ever was. */
  #endOfRanges(id: EventID): undefined {
    if (this.#delivered) return undefined;
    throw new FrameworkError(
      'Configuration',
      `EmptySource generates no event inside its ranges: from ${formatEventID(id)} on, every event is outside ` +
        `eventsToProcess/lumisToProcess or inside eventsToSkip/lumisToSkip (${describeRanges(this.#skipper)}). ` +
        'Check the ranges against firstRun, firstLuminosityBlock, firstEvent and numberEventsInRun.',
    );
  }

  /**
   * The next index that may be kept after the skipped event `id` (at `index`): the start of the next
   * ...ToProcess range it is outside of, or just past the ...ToSkip range it is inside. Undefined when no later
   * event can be kept. In O(1) per range, so a job's range far ahead is reached at once.
   */
  #nextCandidate(index: number, id: EventID): number | undefined {
    const skipper = this.#skipper;
    const atOrAfter = (run: number, luminosityBlock: number, event: number) =>
      firstIndexAtOrAfter(this.#numbering, { run, luminosityBlock, event });
    // The first index past a range's end (run, lumi (0: any), event (0: no limit)): the next event, block or run.
    const pastEnd = (run: number, luminosityBlock: number, event: number) =>
      event !== 0
        ? atOrAfter(run, luminosityBlock, event + 1)
        : luminosityBlock !== 0
          ? atOrAfter(run, luminosityBlock + 1, 0)
          : atOrAfter(run + 1, 0, 0);
    const earliestStart = (starts: (number | undefined)[]) => {
      const after = starts.filter((start): start is number => start !== undefined && start > index);
      return after.length === 0 ? undefined : Math.min(...after);
    };
    let next: number | undefined;
    if (skipper.eventsToProcess.length > 0 && !skipper.eventsToProcess.some((range) => range.contains(id)))
      next = earliestStart(
        skipper.eventsToProcess.map((range) => atOrAfter(range.startRun, range.startLuminosityBlock, range.startEvent)),
      );
    else if (skipper.lumisToProcess.length > 0 && !skipper.lumisToProcess.some((range) => range.contains(id)))
      next = earliestStart(
        skipper.lumisToProcess.map((range) => atOrAfter(range.startRun, range.startLuminosityBlock, 0)),
      );
    else {
      const events = skipper.eventsToSkip.find((range) => range.contains(id));
      const lumis = skipper.lumisToSkip.find((range) => range.contains(id));
      if (events !== undefined) next = pastEnd(events.endRun, events.endLuminosityBlock, events.endEvent);
      else if (lumis !== undefined) next = pastEnd(lumis.endRun, lumis.endLuminosityBlock, 0);
      else next = index + 1;
    }
    return next === undefined ? undefined : Math.max(next, index + 1);
  }
}

function describeRanges(skipper: EventSkipperByID): string {
  const list = (name: string, ranges: readonly { encode(): string }[]) =>
    ranges.length === 0 ? [] : [`${name} ${ranges.map((range) => range.encode()).join(', ')}`];
  return [
    ...list('eventsToProcess', skipper.eventsToProcess),
    ...list('lumisToProcess', skipper.lumisToProcess),
    ...list('eventsToSkip', skipper.eventsToSkip),
    ...list('lumisToSkip', skipper.lumisToSkip),
  ].join('; ');
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
