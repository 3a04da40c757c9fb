import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';

/**
 * The task a holder keeps waiting (the framework's side): it runs when the last reference is released, with
 * the first error any reference passed. One per ExternalWork call, so a holder kept past its event cannot
 * touch the next one.
 */
export class WaitingTask {
  references = 1;
  error: FrameworkError | undefined = undefined;
  /** Set by the framework when it goes asynchronous: called once when the count reaches 0. */
  onDone: (() => void) | undefined = undefined;

  /** Releases one reference; returns true when this was the last one. */
  release(error: unknown): boolean {
    if (error !== undefined && error !== null && this.error === undefined) this.error = convertException(error);
    this.references -= 1;
    if (this.references !== 0) return false;
    const onDone = this.onDone;
    if (onDone !== undefined) {
      this.onDone = undefined;
      onDone();
    }
    return true;
  }
}

/**
 * CMSSW's edm::WaitingTaskWithArenaHolder, in JavaScript: a reference on the task that runs a module's
 * produce after its acquire (or a transform's post after its pre). JavaScript has no destructors, so
 * references are explicit:
 * - the holder `acquire` receives is the framework's reference, released when acquire returns (or, when
 *   acquire returns a promise, when that promise settles; a rejection is the module's failure);
 * - `copy()` takes another reference that the module keeps (for a device callback or a timer) and must
 *   release with `doneWaiting()`;
 * - `doneWaiting(error?)` releases one reference; an error prevents produce and fails the event with it.
 * produce runs when the count reaches 0. Each holder releases at most once.
 */
export class WaitingTaskWithArenaHolder {
  readonly #task: WaitingTask;
  #released = false;

  constructor(task: WaitingTask) {
    this.#task = task;
  }

  /** Another reference on the same task, for work that finishes after acquire returns. */
  copy(): WaitingTaskWithArenaHolder {
    if (this.#released) throw releasedError('copy');
    this.#task.references += 1;
    return new WaitingTaskWithArenaHolder(this.#task);
  }

  /** Releases this reference; with an error, produce is not called and the event fails with it. */
  doneWaiting(error?: unknown): void {
    if (this.#released) throw releasedError('doneWaiting');
    this.#released = true;
    this.#task.release(error);
  }

  /** Whether this reference was released (by doneWaiting, or by the framework when acquire returned). */
  get released(): boolean {
    return this.#released;
  }

  /** The framework's release of the reference acquire received, unless the module released it itself. */
  releaseIfHeld(error?: unknown): void {
    if (this.#released) {
      if (error !== undefined) this.#task.error ??= convertException(error);
      return;
    }
    this.#released = true;
    this.#task.release(error);
  }
}

function releasedError(call: string): FrameworkError {
  return new FrameworkError(
    'LogicError',
    `WaitingTaskWithArenaHolder.${call}() on a holder that was already released. To finish work after acquire returns, keep holder.copy() (taken inside acquire) and call doneWaiting() on that copy once.`,
  );
}

/**
 * CMSSW's `edm::make_waiting_task` with a holder on it: a task that runs `run` once every reference is released,
 * with the first error a reference passed (undefined when none did), and the holder of its first reference. For
 * integration layers that chain tasks (CUDA's ScopedContextAcquire::pushNextTask).
 */
export function makeWaitingTaskHolder(run: (error: FrameworkError | undefined) => void): WaitingTaskWithArenaHolder {
  const task = new WaitingTask();
  task.onDone = () => run(task.error);
  return new WaitingTaskWithArenaHolder(task);
}
