import { convertException } from '../errors/convert-exception';
import type { FrameworkError } from '../errors/framework-error';
import type { EventID } from '../event/event-id';
import type { InputSource, SourceEvent } from '../sources/input-source';
import type { ActivityRegistry } from './activity-registry';
import type { RunLimits } from './event-processor-contract';

/** The run and luminosity-block transitions the controller asks for (the event processor runs them). */
export interface BlockTransitions {
  beginRun(run: number): Promise<void>;
  endRun(run: number): Promise<void>;
  beginLuminosityBlock(run: number, luminosityBlock: number): Promise<void>;
  endLuminosityBlock(run: number, luminosityBlock: number): Promise<void>;
}

/**
 * CMSSW's EventProcessor loop around the source: hands events to streams, honouring process.maxEvents.input,
 * each run() call's RunLimits and a stop after a failure, and runs the run and luminosity-block transitions
 * between events: a new block begins only after every event of the previous one has finished on every
 * stream (one run and one luminosity block in flight at a time).
 */
export class SourceController {
  readonly #source: InputSource | undefined;
  readonly #maxEventsInput: number;
  readonly #transitions: BlockTransitions;
  readonly #activity: ActivityRegistry;
  #peeked: SourceEvent | undefined = undefined;
  #transition: Promise<void> | undefined = undefined;
  #drained: (() => void) | undefined = undefined;
  #callLimit = -1;
  #deadline = Number.POSITIVE_INFINITY;
  currentRun: number | undefined = undefined;
  currentLuminosityBlock: number | undefined = undefined;
  exhausted = false;
  stopped = false;
  error: FrameworkError | undefined = undefined;
  inFlight = 0;
  takenInJob = 0;
  takenInCall = 0;

  #abortSignal: AbortSignal | undefined;

  constructor(
    source: InputSource | undefined,
    maxEventsInput: number,
    transitions: BlockTransitions,
    activity: ActivityRegistry,
  ) {
    this.#source = source;
    this.#maxEventsInput = maxEventsInput;
    this.#transitions = transitions;
    this.#activity = activity;
  }

  startCall(limits: RunLimits): void {
    this.takenInCall = 0;
    this.stopped = false;
    this.#callLimit = limits.maxEvents !== undefined && limits.maxEvents >= 0 ? limits.maxEvents : -1;
    this.#deadline =
      limits.runForMilliseconds !== undefined && limits.runForMilliseconds >= 0
        ? performance.now() + limits.runForMilliseconds
        : Number.POSITIVE_INFINITY;
    this.#abortSignal = limits.signal;
  }

  /** Stops handing out events (a failure); the first error is kept. */
  fail(error: FrameworkError): void {
    this.error ??= error;
    this.stopped = true;
  }

  /** The next event for a stream, undefined when none is to be processed now, or a promise during a transition. */
  next(streamID: number): SourceEvent | undefined | Promise<SourceEvent | undefined> {
    if (this.stopped || this.error !== undefined) return undefined;
    if (this.#transition !== undefined) return this.#transition.then(() => this.next(streamID));
    if (this.#callLimit >= 0 && this.takenInCall >= this.#callLimit) return undefined;
    if (this.#maxEventsInput >= 0 && this.takenInJob >= this.#maxEventsInput) {
      this.exhausted = true;
      return undefined;
    }
    if (this.#deadline !== Number.POSITIVE_INFINITY && performance.now() >= this.#deadline) return undefined;
    // An aborted run (alpaka-run on SIGINT/SIGTERM) takes no new event; events in flight finish.
    if (this.#abortSignal?.aborted === true) return undefined;
    let item = this.#peeked;
    if (item === undefined) {
      if (this.#source === undefined || this.exhausted) {
        this.exhausted = true;
        return undefined;
      }
      const activity = this.#activity;
      if (activity.preSourceEvent.connected) activity.preSourceEvent.emit(streamID);
      try {
        item = this.#source.next();
      } catch (error) {
        this.fail(convertException(error).addContext('Calling Source::next'));
        return undefined;
      }
      if (activity.postSourceEvent.connected) activity.postSourceEvent.emit(streamID);
      if (item === undefined) {
        this.exhausted = true;
        return undefined;
      }
      this.#peeked = item;
    }
    const id = item.id;
    if (id.run !== this.currentRun || id.luminosityBlock !== this.currentLuminosityBlock) {
      const transition = this.#changeBlock(id).then(() => {
        this.#transition = undefined;
      });
      this.#transition = transition;
      return transition.then(() => this.next(streamID));
    }
    this.#peeked = undefined;
    this.takenInCall++;
    this.takenInJob++;
    this.inFlight++;
    return item;
  }

  /** A stream finished the event it took. */
  eventDone(): void {
    this.inFlight--;
    if (this.inFlight === 0 && this.#drained !== undefined) {
      const drained = this.#drained;
      this.#drained = undefined;
      drained();
    }
  }

  async #changeBlock(id: EventID): Promise<void> {
    try {
      if (this.inFlight > 0) {
        await new Promise<void>((resolve) => {
          this.#drained = resolve;
        });
      }
      if (this.error !== undefined) return;
      if (id.run !== this.currentRun) await this.closeOpenBlocks();
      else await this.#endLuminosityBlock();
      if (this.currentRun === undefined) {
        await this.#transitions.beginRun(id.run);
        this.currentRun = id.run;
      }
      await this.#transitions.beginLuminosityBlock(id.run, id.luminosityBlock);
      this.currentLuminosityBlock = id.luminosityBlock;
    } catch (error) {
      this.fail(convertException(error));
    }
  }

  async #endLuminosityBlock(): Promise<void> {
    const run = this.currentRun;
    const luminosityBlock = this.currentLuminosityBlock;
    if (run === undefined || luminosityBlock === undefined) return;
    this.currentLuminosityBlock = undefined;
    await this.#transitions.endLuminosityBlock(run, luminosityBlock);
  }

  /**
   * Runs the transitions that reach this run and luminosity block (0: the run only) without handing out an
   * event, ending the open blocks that differ first: the TestProcessor's testBeginRun/testBeginLuminosityBlock.
   * Only between run() calls (no event in flight); a failure rejects (the caller decides what it stops).
   */
  async moveToBlock(run: number, luminosityBlock: number): Promise<void> {
    if (this.currentRun !== undefined && run !== this.currentRun) await this.closeOpenBlocks();
    else if (this.currentLuminosityBlock !== undefined && luminosityBlock !== this.currentLuminosityBlock) {
      await this.#endLuminosityBlock();
    }
    if (this.currentRun === undefined) {
      await this.#transitions.beginRun(run);
      this.currentRun = run;
    }
    if (luminosityBlock !== 0 && this.currentLuminosityBlock === undefined) {
      await this.#transitions.beginLuminosityBlock(run, luminosityBlock);
      this.currentLuminosityBlock = luminosityBlock;
    }
  }

  /** Ends the open luminosity block, if any (the TestProcessor's testEndLuminosityBlock). */
  endOpenLuminosityBlock(): Promise<void> {
    return this.#endLuminosityBlock();
  }

  /** Ends the open luminosity block and run (source exhausted, or endJob). */
  async closeOpenBlocks(): Promise<void> {
    await this.#endLuminosityBlock();
    const run = this.currentRun;
    if (run === undefined) return;
    this.currentRun = undefined;
    await this.#transitions.endRun(run);
  }
}
