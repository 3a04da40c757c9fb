import type { Device, Event, Queue } from '@alpaka-ts/interface';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import type { EndOfEventWork } from '../event/end-of-event-work';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';

/**
 * CMSSW's EDMetadata (DataFormats/AlpakaCommon/interface/alpaka/EDMetadata.h): what one module invocation used
 * on its device, and what its device products carry so consumers can use them safely. The queue and the event
 * are taken from the backend's caches only when needed. The first consumer on the same device takes over the
 * producer's queue; later ones use their own and wait on the producer's event without blocking.
 *
 * JavaScript has no `~DeviceProduct`, so the metadata that took a queue from the cache registers itself with the
 * event's principal: at the end of the event the stream waits for the queue (a callback, not polling) and gives
 * queue and event back, which is what keeps a stream from starting its next event before this one's
 * asynchronous work is done.
 */
export class EDMetadata implements EndOfEventWork {
  readonly runtime: AlpakaBackendRuntime;
  readonly device: Device;
  readonly #endOfEventWork: EndOfEventWork[];
  #queue: Queue | undefined = undefined;
  #ownsQueue = false;
  #fixedQueue: Queue | undefined = undefined;
  #registered = false;
  #event: Event | undefined = undefined;
  #mayReuseQueue = true;
  #eventComplete = false;

  /** CMSSW's `Calling method for module T/'label'` of the invocation, for failures found at the end of the event. */
  readonly moduleContext: string | undefined;

  constructor(runtime: AlpakaBackendRuntime, device: Device, endOfEventWork: EndOfEventWork[], moduleContext?: string) {
    this.runtime = runtime;
    this.device = device;
    this.#endOfEventWork = endOfEventWork;
    this.moduleContext = moduleContext;
  }

  /** Whether a queue was taken (by this invocation, or over from a producer). */
  get hasQueue(): boolean {
    return this.#queue !== undefined;
  }

  /** The invocation's queue, taken from the QueueCache on first use. */
  queue(): Queue {
    let queue = this.#queue;
    if (queue === undefined) {
      queue = this.#fixedQueue ?? this.runtime.queueCache.get(this.device);
      this.#queue = queue;
      this.#ownsQueue = this.#fixedQueue === undefined;
      this.#register();
    }
    return queue;
  }

  /** FixedQueueEDProducer: the invocation works on the stream's own queue, never one of the cache or a producer's. */
  useFixedQueue(queue: Queue): void {
    this.#fixedQueue = queue;
  }

  /** The event recorded at the end of the producing invocation, if its queue was used. */
  get event(): Event | undefined {
    return this.#event;
  }

  /** Records an event after the work enqueued so far (a no-op on host backends, whose work is already done). */
  recordEvent(): void {
    if (this.runtime.productsAreHostProducts) return;
    const queue = this.queue();
    let event = this.#event;
    if (event === undefined) {
      event = this.runtime.eventCache.get(this.device);
      this.#event = event;
      this.#register();
    }
    queue.record(event);
    this.#eventComplete = false;
  }

  /**
   * CMSSW's `EDMetadata::synchronize(consumer, tryReuseQueue)`: makes a consumer's work on this product's data
   * run after the producer's. Data of another device is refused.
   */
  synchronize(consumer: EDMetadata, tryReuseQueue = true): void {
    const queue = this.#queue;
    if (queue === undefined) return; // the producer enqueued nothing: its data was ready when it returned
    if (consumer.#fixedQueue !== undefined) consumer.queue();
    if (consumer.#queue !== undefined) {
      if (consumer.#queue === queue) return;
      if (consumer.device !== this.device) {
        throw new FrameworkError('LogicError', 'Handling data from multiple devices is not yet supported');
      }
    } else if (consumer.device !== this.device) {
      throw new FrameworkError('LogicError', 'Handling data from multiple devices is not yet supported');
    } else if (tryReuseQueue && this.#tryReuseQueue()) {
      // The first consumer continues on the producer's queue: in-order, nothing to wait for. It registers for
      // the end of the event too, so it drops the queue then (the producer gives it back to the cache).
      consumer.#queue = queue;
      consumer.#register();
      return;
    }
    const event = this.#event;
    if (event === undefined || this.#eventComplete) return;
    if (event.isComplete()) {
      this.#eventComplete = true;
      return;
    }
    consumer.queue().waitFor(event);
  }

  /** CMSSW's `tryReuseQueue_()`: true for the first caller only. */
  #tryReuseQueue(): boolean {
    if (!this.#mayReuseQueue) return false;
    this.#mayReuseQueue = false;
    return true;
  }

  /** Resolves once everything enqueued so far on the queue has finished (rejects with its failure). */
  waitForQueue(): Promise<void> | undefined {
    const queue = this.#queue;
    if (queue === undefined || queue.blocking) return undefined;
    return queue.wait();
  }

  #register(): void {
    if (this.#registered) return;
    this.#registered = true;
    this.#endOfEventWork.push(this);
  }

  /**
   * At the end of the event: waits for the queue this invocation took from the cache, then gives queue and event
   * back (a fixed queue stays the module's). A queue taken over from a producer is its producer's to wait for.
   */
  endOfEvent(): Promise<void> | undefined {
    this.#registered = false;
    const queue = this.#queue;
    const waits = this.#ownsQueue || (this.#fixedQueue !== undefined && queue === this.#fixedQueue);
    if (!waits || queue === undefined || queue.blocking) {
      this.#release();
      return undefined;
    }
    // Usually the work is long done (a host consumer's copy waited for it): one query instead of a callback's
    // round trip, which on a GPU costs more than the framework's whole event.
    let finished: boolean;
    try {
      finished = queue.tryWait();
    } catch (failure) {
      this.#release();
      throw this.#withContext(failure);
    }
    if (finished) {
      this.#release();
      return undefined;
    }
    return queue.wait().then(
      () => this.#release(),
      (failure: unknown) => {
        this.#release();
        throw this.#withContext(failure);
      },
    );
  }

  /** A queue failure found at the end of the event, named after the module whose queue it was. */
  #withContext(failure: unknown): FrameworkError {
    const error = convertException(failure);
    const context = this.moduleContext;
    if (context !== undefined && !error.hasContext(context)) error.addContext(context);
    return error;
  }

  #release(): void {
    const queue = this.#queue;
    if (queue !== undefined && this.#ownsQueue) this.runtime.queueCache.release(this.device, queue);
    // Its work is done: a consumer still holding the product needs to wait for nothing.
    this.#queue = undefined;
    this.#ownsQueue = false;
    const event = this.#event;
    if (event !== undefined) {
      this.#event = undefined;
      this.runtime.eventCache.release(this.device, event);
    }
  }
}
