import { convertException } from '../errors/convert-exception';
import { copyFrameworkError, type FrameworkError } from '../errors/framework-error';
import type { EventPrincipal } from '../event/event-principal';
import type { ESGetToken } from '../event-setup/es-get-token';
import type { EventSetup } from '../event-setup/event-setup-provider';
import { WaitingTask, WaitingTaskWithArenaHolder } from '../modules/waiting-task-with-arena-holder';
import type { ActivityRegistry, ModuleCallKind } from './activity-registry';
import { emitPostModule, emitPreModule } from './module-call-signals';
import type { OneModuleLock } from './one-module-lock';
import { isThenable, withPending } from './pending-work';

/** A worker's state in the event its stream is processing (stale `serial`: not started in this event). */
export const workerRunning = 1;
export const workerDone = 2;
export const workerFailed = 3;

/** What a worker sees of its stream (StreamSchedule implements it). */
export interface WorkerStream {
  readonly streamID: number;
  /** Increases with every event, so workers need no reset between events. */
  serial: number;
  eventSetup: EventSetup;
  readonly principal: EventPrincipal;
  readonly activity: ActivityRegistry;
}

/**
 * CMSSW's Worker: one module (or transform) in one stream. `run()` runs it at most once per event: it
 * prefetches (the unscheduled producers and transforms it consumes, the scheduled producers still working,
 * its EventSetup products), then calls the module (acquire first for ExternalWork), all synchronously when
 * nothing is asynchronous. It returns undefined when it finished synchronously, else a promise that never
 * rejects; the outcome is in `state`, `passed` and `error`.
 */
export abstract class Worker {
  readonly label: string;
  readonly type: string;
  readonly stream: WorkerStream;
  readonly externalWork: boolean;
  readonly isFilter: boolean;
  readonly callKind: ModuleCallKind;
  readonly acquireKind: ModuleCallKind;
  readonly context: string;
  prefetchWorkers: Worker[] = [];
  waitForWorkers: Worker[] = [];
  esTokens: readonly ESGetToken[] = [];
  lock: OneModuleLock | undefined = undefined;

  serial = -1;
  state = 0;
  /** True while acquire has returned and a holder copy is still held (what a stalled job waits for). */
  waitingForHolder = false;
  passed = true;
  error: FrameworkError | undefined = undefined;
  promise: Promise<void> | undefined = undefined;
  #esError: unknown = undefined;

  visitedCount = 0;
  runCount = 0;
  passedCount = 0;
  failedCount = 0;
  errorCount = 0;

  constructor(
    label: string,
    type: string,
    stream: WorkerStream,
    flags: { readonly externalWork: boolean; readonly isFilter: boolean; readonly transform?: boolean },
  ) {
    this.label = label;
    this.type = type;
    this.stream = stream;
    this.externalWork = flags.externalWork;
    this.isFilter = flags.isFilter;
    this.callKind = flags.transform === true ? 'transform' : 'event';
    this.acquireKind = flags.transform === true ? 'transformAcquire' : 'acquire';
    this.context = `Calling method for module ${type}/'${label}'`;
  }

  /** produce/filter/analyze/write: a result (a filter's boolean) or a promise of one. */
  protected abstract callModule(): unknown;
  /** ExternalWork's acquire with the framework's holder. */
  protected callAcquire(_holder: WaitingTaskWithArenaHolder): unknown {
    return undefined;
  }

  run(): Promise<void> | undefined {
    const stream = this.stream;
    if (this.serial === stream.serial) return this.state === workerRunning ? this.promise : undefined;
    this.serial = stream.serial;
    this.state = workerRunning;
    this.error = undefined;
    this.passed = true;
    this.promise = undefined;
    this.visitedCount++;
    let pending: Promise<unknown>[] | undefined;
    const prefetch = this.prefetchWorkers;
    for (let index = 0; index < prefetch.length; index++) {
      const running = (prefetch[index] as Worker).run();
      if (running !== undefined) pending = withPending(pending, running);
    }
    const waits = this.waitForWorkers;
    for (let index = 0; index < waits.length; index++) {
      const other = waits[index] as Worker;
      if (other.serial === stream.serial && other.state === workerRunning && other.promise !== undefined) {
        pending = withPending(pending, other.promise);
      }
    }
    if (this.esTokens.length > 0) {
      this.#esError = undefined;
      try {
        const prefetching = stream.eventSetup.prefetch(this.esTokens);
        if (prefetching !== undefined) {
          pending = withPending(
            pending,
            prefetching.then(undefined, (error: unknown) => {
              this.#esError = error ?? new Error('EventSetup prefetch failed');
            }),
          );
        }
      } catch (error) {
        this.#esError = error ?? new Error('EventSetup prefetch failed');
      }
    }
    const result = pending === undefined ? this.#afterPrefetch() : this.#afterPrefetchAsync(pending);
    if (result !== undefined) this.promise = result;
    return result;
  }

  async #afterPrefetchAsync(pending: Promise<unknown>[]): Promise<void> {
    await Promise.all(pending);
    const result = this.#afterPrefetch();
    if (result !== undefined) await result;
  }

  #afterPrefetch(): Promise<void> | undefined {
    if (!this.#prefetchSucceeded()) return undefined;
    const lock = this.lock;
    if (lock === undefined) return this.#start();
    if (lock.busy) return this.#startWhenFree(lock);
    lock.busy = true;
    const result = this.#start();
    if (result === undefined) lock.release();
    else return result.then(() => lock.release());
    return undefined;
  }

  async #startWhenFree(lock: OneModuleLock): Promise<void> {
    await lock.wait();
    const result = this.#start();
    if (result !== undefined) await result;
    lock.release();
  }

  #prefetchSucceeded(): boolean {
    const prefetch = this.prefetchWorkers;
    for (let index = 0; index < prefetch.length; index++) {
      const producer = prefetch[index] as Worker;
      if (producer.state === workerFailed && producer.error !== undefined) {
        this.#failPrefetch(producer.error);
        return false;
      }
    }
    if (this.#esError !== undefined) {
      this.#failPrefetch(convertException(this.#esError));
      return false;
    }
    return true;
  }

  #failPrefetch(producerError: FrameworkError): void {
    // A copy per consumer: the producer's error is shared by all who prefetched from it, and each consumer's
    // context chain is its own (CMSSW gives each its own exception_ptr chain).
    const error = copyFrameworkError(producerError).addContext(`Prefetching for module ${this.type}/'${this.label}'`);
    this.error = error;
    this.state = workerFailed;
    this.errorCount++;
  }

  #start(): Promise<void> | undefined {
    return this.externalWork ? this.#acquire() : this.#callMain();
  }

  #callMain(): Promise<void> | undefined {
    const stream = this.stream;
    const activity = stream.activity;
    emitPreModule(activity, this.label, this.type, this.callKind, stream.streamID, stream.principal.eventID);
    let result: unknown;
    try {
      result = this.callModule();
    } catch (error) {
      this.fail(error);
      emitPostModule(activity, this.label, this.type, this.callKind, stream.streamID, stream.principal.eventID);
      return undefined;
    }
    if (isThenable(result)) return this.#finishAsync(result);
    this.#finish(result);
    emitPostModule(activity, this.label, this.type, this.callKind, stream.streamID, stream.principal.eventID);
    return undefined;
  }

  async #finishAsync(result: PromiseLike<unknown>): Promise<void> {
    try {
      this.#finish(await result);
    } catch (error) {
      this.fail(error);
    }
    const stream = this.stream;
    emitPostModule(stream.activity, this.label, this.type, this.callKind, stream.streamID, stream.principal.eventID);
  }

  #acquire(): Promise<void> | undefined {
    const stream = this.stream;
    const task = new WaitingTask();
    const holder = new WaitingTaskWithArenaHolder(task);
    emitPreModule(stream.activity, this.label, this.type, this.acquireKind, stream.streamID, stream.principal.eventID);
    let result: unknown;
    try {
      result = this.callAcquire(holder);
    } catch (error) {
      // An exception in acquire fails the module at once: copies it kept can no longer delay the event.
      emitPostModule(
        stream.activity,
        this.label,
        this.type,
        this.acquireKind,
        stream.streamID,
        stream.principal.eventID,
      );
      this.fail(error ?? new Error('acquire threw undefined'));
      return undefined;
    }
    if (isThenable(result)) return this.#acquireAsync(result, holder, task);
    emitPostModule(stream.activity, this.label, this.type, this.acquireKind, stream.streamID, stream.principal.eventID);
    holder.releaseIfHeld();
    if (task.references === 0) return this.#afterAcquire(task);
    this.waitingForHolder = true;
    return new Promise<void>((resolve) => {
      task.onDone = resolve;
    }).then(() => {
      this.waitingForHolder = false;
      return this.#afterAcquire(task);
    });
  }

  async #acquireAsync(
    result: PromiseLike<unknown>,
    holder: WaitingTaskWithArenaHolder,
    task: WaitingTask,
  ): Promise<void> {
    let failure: unknown;
    try {
      await result;
    } catch (error) {
      failure = error ?? new Error('acquire rejected with undefined');
    }
    const stream = this.stream;
    emitPostModule(stream.activity, this.label, this.type, this.acquireKind, stream.streamID, stream.principal.eventID);
    if (failure !== undefined) {
      this.fail(failure);
      return;
    }
    holder.releaseIfHeld();
    if (task.references > 0) {
      this.waitingForHolder = true;
      await new Promise<void>((resolve) => {
        task.onDone = resolve;
      });
      this.waitingForHolder = false;
    }
    const next = this.#afterAcquire(task);
    if (next !== undefined) await next;
  }

  #afterAcquire(task: WaitingTask): Promise<void> | undefined {
    if (task.error !== undefined) {
      this.fail(task.error);
      return undefined;
    }
    return this.#callMain();
  }

  #finish(result: unknown): void {
    this.runCount++;
    if (this.isFilter && result !== true) {
      this.passed = false;
      this.failedCount++;
    } else this.passedCount++;
    this.state = workerDone;
  }

  protected fail(thrown: unknown): void {
    const error = convertException(thrown);
    if (!error.hasContext(this.context)) error.addContext(this.context);
    this.error = error;
    this.state = workerFailed;
    this.runCount++;
    this.errorCount++;
  }
}
