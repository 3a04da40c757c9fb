import { convertException } from '../errors/convert-exception';
import type { FrameworkError } from '../errors/framework-error';
import type { EndOfEventWork } from '../event/end-of-event-work';
import type { Event } from '../event/event';
import { formatEventID } from '../event/event-id';
import type { EventPrincipal } from '../event/event-principal';
import { type HLTPathStatus, TriggerResults } from '../event/trigger-results';
import type { EventSetup, EventSetupProvider } from '../event-setup/event-setup-provider';
import type { InputSource, SourceEvent } from '../sources/input-source';
import type { ActivityRegistry } from './activity-registry';
import type { ExceptionToActionTable } from './exception-to-action-table';
import type { PathEventSink, PathRunner } from './path-runner';
import { withPending } from './pending-work';
import type { Worker, WorkerStream } from './worker';

/** What the event processor counts over all streams (the TrigReport's event line). */
export interface EventCounts {
  total: number;
  passed: number;
  failed: number;
}

/**
 * CMSSW's StreamSchedule: one EDM stream. It processes one event at a time: its paths (concurrently, each
 * going as far as its modules allow synchronously), then TriggerResults, then the EndPaths. processEvent()
 * returns undefined when the whole event ran synchronously, else a promise that settles once every piece of
 * the event's work has finished; `eventError` is set when the event failed with a Rethrow exception.
 */
export class StreamSchedule implements WorkerStream, PathEventSink {
  readonly streamID: number;
  serial = 0;
  eventSetup: EventSetup;
  readonly principal: EventPrincipal;
  readonly activity: ActivityRegistry;
  readonly actions: ExceptionToActionTable;
  readonly #provider: EventSetupProvider;
  readonly #counts: EventCounts;
  workers: Worker[] = [];
  paths: PathRunner[] = [];
  endPaths: PathRunner[] = [];
  triggerResultsSlot = -1;
  pathNames: readonly string[] = [];
  source: InputSource | undefined = undefined;
  sourceEvent: Event | undefined = undefined;
  eventError: FrameworkError | undefined = undefined;
  skipped = false;

  constructor(
    streamID: number,
    principal: EventPrincipal,
    activity: ActivityRegistry,
    actions: ExceptionToActionTable,
    provider: EventSetupProvider,
    initialEventSetup: EventSetup,
    counts: EventCounts,
  ) {
    this.streamID = streamID;
    this.principal = principal;
    this.activity = activity;
    this.actions = actions;
    this.#provider = provider;
    this.eventSetup = initialEventSetup;
    this.#counts = counts;
  }

  processEvent(item: SourceEvent): Promise<void> | undefined {
    this.serial++;
    const principal = this.principal;
    principal.clear();
    principal.eventID = item.id;
    principal.time = item.time;
    this.eventError = undefined;
    this.skipped = false;
    if (this.activity.preEvent.connected) this.activity.preEvent.emit({ stream: this.streamID, eventID: item.id });
    let filling: void | Promise<void> | undefined;
    try {
      this.eventSetup = this.#provider.eventSetupFor({ eventID: item.id, time: item.time });
      const source = this.source;
      if (source?.fillEvent !== undefined && this.sourceEvent !== undefined)
        filling = source.fillEvent(this.sourceEvent, item);
    } catch (error) {
      return this.#sourceFailed(error);
    }
    // A source that reads its products from a file fills the event asynchronously: the paths start after it.
    if (filling !== undefined)
      return filling.then(
        () => this.#runPaths(),
        (error: unknown) => this.#sourceFailed(error),
      );
    return this.#runPaths();
  }

  #sourceFailed(error: unknown): undefined {
    this.failEvent(convertException(error));
    this.#finish();
    return undefined;
  }

  #runPaths(): Promise<void> | undefined {
    let pending: Promise<void>[] | undefined;
    const paths = this.paths;
    for (let index = 0; index < paths.length; index++) {
      if (this.eventError !== undefined || this.skipped) break;
      const running = (paths[index] as PathRunner).run();
      if (running !== undefined) pending = withPending(pending, running);
    }
    if (pending !== undefined) return this.#afterPathsAsync(pending);
    return this.#afterPaths();
  }

  async #afterPathsAsync(pending: Promise<void>[]): Promise<void> {
    await Promise.all(pending);
    const rest = this.#afterPaths();
    if (rest !== undefined) await rest;
  }

  #afterPaths(): Promise<void> | undefined {
    if (this.eventError === undefined && !this.skipped) {
      if (this.triggerResultsSlot >= 0) this.principal.products[this.triggerResultsSlot] = this.#triggerResults();
      let pending: Promise<void>[] | undefined;
      const endPaths = this.endPaths;
      for (let index = 0; index < endPaths.length; index++) {
        if (this.eventError !== undefined) break;
        const running = (endPaths[index] as PathRunner).run();
        if (running !== undefined) pending = withPending(pending, running);
      }
      if (pending !== undefined) return Promise.all(pending).then(() => this.#finishAfterEndOfEventWork());
    }
    return this.#finishAfterEndOfEventWork();
  }

  /** Waits for what the event's modules left running (device queues), then finishes the event. */
  #finishAfterEndOfEventWork(): Promise<void> | undefined {
    const work = this.principal.endOfEventWork;
    if (work.length === 0) {
      this.#finish();
      return undefined;
    }
    let pending: Promise<void>[] | undefined;
    for (let index = 0; index < work.length; index++) {
      let running: Promise<void> | undefined;
      try {
        running = (work[index] as EndOfEventWork).endOfEvent();
      } catch (error) {
        this.#endOfEventFailure(error);
      }
      if (running !== undefined) {
        pending = withPending(
          pending,
          running.then(undefined, (error: unknown) => this.#endOfEventFailure(error)),
        );
      }
    }
    work.length = 0;
    if (pending === undefined) {
      this.#finish();
      return undefined;
    }
    return Promise.all(pending).then(() => this.#finish());
  }

  /**
   * Work left running that failed (a device queue's): the options' exception actions apply as to a module's
   * failure. No path is left to fail, so FailPath only warns, as TryToContinue skips the event.
   */
  #endOfEventFailure(thrown: unknown): void {
    const error = convertException(thrown);
    const action = this.actions.find(error.category);
    if (action === 'IgnoreCompletely') return;
    if (action === 'TryToContinue') this.skipEvent(error, 'TryToContinue');
    else if (action === 'FailPath') this.warnFailPath(error);
    else this.failEvent(error);
  }

  #triggerResults(): TriggerResults {
    const paths = this.paths;
    const states: HLTPathStatus[] = new Array(paths.length);
    for (let index = 0; index < paths.length; index++) {
      const path = paths[index] as PathRunner;
      states[index] = { state: path.state, index: path.index };
    }
    return new TriggerResults(this.pathNames, states);
  }

  #finish(): void {
    const counts = this.#counts;
    counts.total++;
    let accepted = this.paths.length === 0;
    for (let index = 0; index < this.paths.length && !accepted; index++) {
      accepted = (this.paths[index] as PathRunner).state === 'Pass';
    }
    if (accepted && this.eventError === undefined && !this.skipped) counts.passed++;
    else counts.failed++;
    if (this.eventError !== undefined) this.#addEventContext(this.eventError);
    if (this.activity.postEvent.connected) {
      this.activity.postEvent.emit({ stream: this.streamID, eventID: this.principal.eventID });
    }
    // CMSSW deletes an event's products once the event is done. Here that lets the garbage collector return their
    // memory to the caching allocators while the stream waits for its next event, instead of a whole event later.
    this.principal.clear();
  }

  #addEventContext(error: FrameworkError): void {
    const context = `Processing  Event ${formatEventID(this.principal.eventID)} stream: ${this.streamID}`;
    if (!error.hasContext(context)) error.addContext(context);
  }

  failEvent(error: FrameworkError): void {
    this.eventError ??= error;
  }

  skipEvent(error: FrameworkError, action: string): void {
    this.skipped = true;
    this.#addEventContext(error);
    console.warn(`%MSG-w ${action}: \n${error.explainSelf()}%MSG`);
  }

  warnFailPath(error: FrameworkError): void {
    this.#addEventContext(error);
    console.warn(`%MSG-w FailPath: \n${error.explainSelf()}%MSG`);
  }

  emitPrePath(name: string): void {
    const signal = this.activity.prePathEvent;
    if (signal.connected) signal.emit({ stream: this.streamID, eventID: this.principal.eventID }, name);
  }

  emitPostPath(name: string, accepted: boolean): void {
    const signal = this.activity.postPathEvent;
    if (signal.connected) signal.emit({ stream: this.streamID, eventID: this.principal.eventID }, name, accepted);
  }
}
