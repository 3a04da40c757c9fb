import { type FrameworkError, makeWaitingTaskHolder, type WaitingTaskWithArenaHolder } from '@alpaka-ts/core';
import type { Queue } from '@alpaka-ts/interface';
import type { ContextState } from './context-state';
import type { CUDAService } from './cuda-service';
import { ScopedContextBase } from './scoped-context-base';

/**
 * A task pushed by pushNextTask: it gets the context of the stream the acquire used. It may return a promise (of
 * its kernel launches, say): the chain goes on once it settles, and its rejection fails the module as a throw does.
 */
export type NextTask = (context: ScopedContextTask) => void | PromiseLike<void>;

/**
 * Runs `task` with a ScopedContextTask on the state's stream once `holder`'s work is done, then releases
 * `next` when the task's own work on the stream is done: the link CMSSW's pushNextTask adds to the chain.
 * An error before (from the GPU work or an earlier task) or from the task skips it and reaches `next`.
 */
export function chainedTask(
  service: CUDAService,
  state: ContextState,
  task: NextTask,
  next: WaitingTaskWithArenaHolder,
): WaitingTaskWithArenaHolder {
  return makeWaitingTaskHolder((error: FrameworkError | undefined) => {
    if (error !== undefined) {
      next.doneWaiting(error);
      return;
    }
    try {
      const context = new ScopedContextTask(service, state, next);
      const result: unknown = task(context);
      if (!isPromiseLike(result)) {
        context[Symbol.dispose]();
        return;
      }
      result.then(
        () => context[Symbol.dispose](),
        (thrown: unknown) => next.doneWaiting(thrown),
      );
    } catch (thrown) {
      next.doneWaiting(thrown);
    }
  });
}

/** A task's result that the chain waits for (JavaScript tasks may return anything; only a thenable is waited for). */
function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * CMSSW's cms::cuda::ScopedContextTask: the context of a task in an acquire's chain (pushNextTask), on the
 * device and stream of the ContextState. Disposing of it releases its holder once the stream's work enqueued
 * so far is done (a stream callback, never polling), so the next task or produce runs after that work.
 */
export class ScopedContextTask extends ScopedContextBase implements Disposable {
  readonly #state: ContextState;
  #holder: WaitingTaskWithArenaHolder;
  #disposed = false;

  constructor(service: CUDAService, state: ContextState, holder: WaitingTaskWithArenaHolder) {
    super(service, undefined, { kind: 'given', device: state.device, stream: state.streamPtr() });
    this.#state = state;
    this.#holder = holder;
  }

  /** Another task after this one's work (CMSSW's ScopedContextTask::pushNextTask). */
  pushNextTask(task: NextTask): void {
    this.#holder = chainedTask(this.service, this.#state, task, this.#holder);
  }

  [Symbol.dispose](): void {
    if (this.#disposed) return;
    this.#disposed = true;
    releaseWhenStreamIsDone(this.stream, this.#holder);
  }
}

/**
 * CMSSW's enqueueCallback: `holder` is released once the work enqueued on `stream` so far is done (from the
 * stream's callback, never by polling), with the stream's failure if it failed.
 */
export function releaseWhenStreamIsDone(stream: Queue, holder: WaitingTaskWithArenaHolder): void {
  stream.wait().then(
    () => holder.doneWaiting(),
    (error: unknown) => holder.doneWaiting(error),
  );
}
