import type { PathOperator } from '../configuration/process-description';
import type { FrameworkError } from '../errors/framework-error';
import type { HLTState } from '../event/trigger-results';
import type { ExceptionToActionTable } from './exception-to-action-table';
import { withPending } from './pending-work';
import { type Worker, workerFailed } from './worker';

/** One module on a path, as the path treats it. */
export interface PathEntry {
  readonly worker: Worker;
  readonly operator: PathOperator;
  /** The filter result counts (a non-ignored filter, not on an EndPath). */
  readonly resultMatters: boolean;
  readonly veto: boolean;
}

/** What a path reports to its stream's event. */
export interface PathEventSink {
  readonly actions: ExceptionToActionTable;
  /** A Rethrow error: the event fails with it (the first one wins). */
  failEvent(error: FrameworkError): void;
  /** TryToContinue/SkipEvent: the event is dropped, the job goes on. */
  skipEvent(error: FrameworkError, action: string): void;
  /** FailPath: the path fails, the event goes on. */
  warnFailPath(error: FrameworkError): void;
  readonly eventError: FrameworkError | undefined;
  emitPrePath(name: string): void;
  emitPostPath(name: string, accepted: boolean): void;
}

/**
 * CMSSW's Path for one stream: starts consecutive concurrent modules together, up to and including the next
 * barrier (a filter whose result counts, or a `wait` entry); a failing filter skips the rest; an exception
 * goes to the action table. Runs synchronously while its modules do.
 */
export class PathRunner {
  readonly name: string;
  readonly bit: number;
  readonly entries: readonly PathEntry[];
  readonly #groupEnd: Int32Array;
  readonly #sink: PathEventSink;
  state: HLTState = 'Ready';
  index = 0;

  visited = 0;
  passed = 0;
  failed = 0;
  errors = 0;
  readonly entryVisited: number[];
  readonly entryPassed: number[];
  readonly entryFailed: number[];
  readonly entryErrors: number[];

  constructor(name: string, bit: number, entries: readonly PathEntry[], sink: PathEventSink) {
    this.name = name;
    this.bit = bit;
    this.entries = entries;
    this.#sink = sink;
    const count = entries.length;
    this.#groupEnd = new Int32Array(count);
    let end = count - 1;
    for (let index = count - 1; index >= 0; index--) {
      const entry = entries[index] as PathEntry;
      if (entry.resultMatters || entry.operator === 'wait' || entry.operator === 'waitAndIgnore') end = index;
      this.#groupEnd[index] = end;
    }
    this.entryVisited = new Array<number>(count).fill(0);
    this.entryPassed = new Array<number>(count).fill(0);
    this.entryFailed = new Array<number>(count).fill(0);
    this.entryErrors = new Array<number>(count).fill(0);
  }

  run(): Promise<void> | undefined {
    this.#sink.emitPrePath(this.name);
    this.state = 'Ready';
    this.index = 0;
    return this.#runFrom(0);
  }

  #runFrom(start: number): Promise<void> | undefined {
    const entries = this.entries;
    const count = entries.length;
    let index = start;
    while (index < count) {
      const end = this.#groupEnd[index] as number;
      let pending: Promise<void>[] | undefined;
      for (let member = index; member <= end; member++) {
        this.entryVisited[member] = (this.entryVisited[member] as number) + 1;
        const running = (entries[member] as PathEntry).worker.run();
        if (running !== undefined) pending = withPending(pending, running);
      }
      if (pending !== undefined) return this.#awaitGroup(pending, index, end);
      if (this.#evaluate(index, end)) {
        this.#finish();
        return undefined;
      }
      index = end + 1;
    }
    this.state = 'Pass';
    this.index = count > 0 ? count - 1 : 0;
    this.#finish();
    return undefined;
  }

  async #awaitGroup(pending: Promise<void>[], start: number, end: number): Promise<void> {
    await Promise.all(pending);
    if (this.#evaluate(start, end)) {
      this.#finish();
      return;
    }
    const rest = this.#runFrom(end + 1);
    if (rest !== undefined) await rest;
  }

  /** Reads the group's outcome; true when the path stops here. */
  #evaluate(start: number, end: number): boolean {
    const entries = this.entries;
    for (let member = start; member <= end; member++) {
      const entry = entries[member] as PathEntry;
      const worker = entry.worker;
      if (worker.state === workerFailed && worker.error !== undefined) {
        const action = this.#sink.actions.find(worker.error.category);
        if (action === 'IgnoreCompletely') {
          this.entryPassed[member] = (this.entryPassed[member] as number) + 1;
          continue;
        }
        this.entryErrors[member] = (this.entryErrors[member] as number) + 1;
        this.state = 'Exception';
        this.index = member;
        const error = worker.error;
        if (this.#sink.eventError === undefined) {
          const context = `Running path '${this.name}'`;
          if (!error.hasContext(context)) error.addContext(context);
        }
        if (action === 'FailPath') this.#sink.warnFailPath(error);
        else if (action === 'TryToContinue') this.#sink.skipEvent(error, 'TryToContinue');
        else this.#sink.failEvent(error);
        return true;
      }
      if (entry.resultMatters && worker.passed === entry.veto) {
        this.entryFailed[member] = (this.entryFailed[member] as number) + 1;
        this.state = 'Fail';
        this.index = member;
        return true;
      }
      this.entryPassed[member] = (this.entryPassed[member] as number) + 1;
    }
    return false;
  }

  #finish(): void {
    this.visited++;
    if (this.state === 'Pass') this.passed++;
    else if (this.state === 'Fail') this.failed++;
    else this.errors++;
    this.#sink.emitPostPath(this.name, this.state === 'Pass');
  }
}
