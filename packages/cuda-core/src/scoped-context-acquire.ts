import { type ConstEvent, FrameworkError, type WaitingTaskWithArenaHolder } from '@alpaka-ts/core';
import type { ContextState } from './context-state';
import type { CUDAService } from './cuda-service';
import type { ProductBase } from './product';
import { type ContextSource, ScopedContextBase } from './scoped-context-base';
import { chainedTask, type NextTask, releaseWhenStreamIsDone } from './scoped-context-task';

/**
 * CMSSW's cms::cuda::ScopedContextAcquire: the context of an ExternalWork module's acquire(). It keeps a
 * reference on the holder; disposing of it (`using`, or [Symbol.dispose]()) releases that reference once the
 * stream's work enqueued so far is done (a stream callback: the framework runs produce then), and leaves device
 * and stream in the ContextState for ScopedContextProduce.fromState. `pushNextTask` runs CPU tasks between GPU
 * steps: pushing 1, 2, 3 runs 3, 2, 1, then produce, each after the GPU work before it.
 *
 *   using ctx = new ScopedContextAcquire(cuda, event, holder, this.state);
 */
export class ScopedContextAcquire extends ScopedContextBase implements Disposable {
  readonly #state: ContextState | undefined;
  #holder: WaitingTaskWithArenaHolder;
  #disposed = false;

  constructor(
    service: CUDAService,
    event: ConstEvent,
    holder: WaitingTaskWithArenaHolder,
    state?: ContextState,
    source: ContextSource = { kind: 'stream' },
  ) {
    super(service, event, source);
    // The holder acquire receives is released when acquire returns: keep a reference of our own.
    this.#holder = holder.copy();
    this.#state = state;
  }

  /** On a product's device, continuing on its stream when this is its first consumer. */
  static fromProduct(
    service: CUDAService,
    event: ConstEvent,
    product: ProductBase,
    holder: WaitingTaskWithArenaHolder,
    state?: ContextState,
  ): ScopedContextAcquire {
    return new ScopedContextAcquire(service, event, holder, state, { kind: 'product', product });
  }

  /** A CPU task to run once the GPU work enqueued before it is done, with the context of the same stream. */
  pushNextTask(task: NextTask): void {
    const state = this.#state;
    if (state === undefined)
      throw new FrameworkError(
        'LogicError',
        'Calling ScopedContextAcquire::insertNextTask() requires ScopedContextAcquire to be constructed with ContextState, but that was not the case',
      );
    this.#holder = chainedTask(this.service, state, task, this.#holder);
  }

  /** CMSSW's replaceWaitingTaskHolder: `holder` is waited on instead; the reference held so far is released. */
  replaceWaitingTaskHolder(holder: WaitingTaskWithArenaHolder): void {
    const previous = this.#holder;
    this.#holder = holder;
    previous.doneWaiting();
  }

  /** CMSSW's destructor: the holder released from a stream callback, then device and stream into the state. */
  [Symbol.dispose](): void {
    if (this.#disposed) return;
    this.#disposed = true;
    releaseWhenStreamIsDone(this.stream, this.#holder);
    this.#state?.set(this.device, this.stream);
  }
}
