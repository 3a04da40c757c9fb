import type { Queue } from '@alpaka-ts/interface';
import type { ModuleEdmType } from '../configuration/process-description';
import type { Event as HostEvent } from '../event/event';
import type { EventSetup as HostEventSetup } from '../event-setup/event-setup-provider';
import { type FrameworkMethods, frameworkMethods } from '../modules/framework-methods';
import type { MaybePromise, ModuleConcurrency } from '../modules/module-abilities';
import type { WaitingTaskWithArenaHolder } from '../modules/waiting-task-with-arena-holder';
import { isThenable } from '../scheduling/pending-work';
import { AlpakaProducerBase } from './alpaka-producer-base';
import type { AlpakaStreamContext } from './alpaka-stream-context';
import type { Event } from './device/event';
import type { EventSetup } from './device/event-setup';
import type { EDMetadata } from './ed-metadata';

/**
 * CMSSW's alpaka `stream::EDProducer`: one instance per stream; the author writes `produce(event, eventSetup)`
 * with the device::Event and device::EventSetup (see global.EDProducer for what the framework adds).
 */
export abstract class EDProducer extends AlpakaProducerBase {
  static readonly edmType: ModuleEdmType = 'EDProducer';
  static readonly moduleConcurrency: ModuleConcurrency = 'stream';
  static readonly externalWork: boolean = false;

  abstract produce(event: Event, eventSetup: EventSetup): MaybePromise<void>;

  readonly [frameworkMethods]: FrameworkMethods = {
    produce: (event: HostEvent, eventSetup: HostEventSetup) => {
      const context = this.startInvocation(event.streamID(), event, eventSetup);
      return this.callProduce(context, event);
    },
  };

  protected callProduce(context: AlpakaStreamContext, event: HostEvent): Promise<void> | undefined {
    return this.runProduce(context, event, () => this.produce(context.event, context.eventSetup));
  }
}

/**
 * CMSSW's `stream::SynchronizingEDProducer` (ExternalWork): `acquire(event, eventSetup)` enqueues work, and
 * `produce(event, eventSetup)` runs once that work has finished, from the queue's callback, never by polling
 * (a wait instead with `synchronize`); produce continues on the acquire's queue.
 */
export abstract class SynchronizingEDProducer extends EDProducer {
  static override readonly externalWork: boolean = true;
  #acquired: EDMetadata | undefined = undefined;

  abstract acquire(event: Event, eventSetup: EventSetup): MaybePromise<void>;

  override readonly [frameworkMethods]: FrameworkMethods = {
    acquire: (event: HostEvent, eventSetup: HostEventSetup, holder: WaitingTaskWithArenaHolder) => {
      const context = this.startInvocation(event.streamID(), event, eventSetup);
      this.#acquired = context.event.metadata;
      const result = this.acquire(context.event, context.eventSetup);
      if (isThenable(result)) return Promise.resolve(result).then(() => this.#finishAcquire(context, holder));
      return this.#finishAcquire(context, holder);
    },
    produce: (event: HostEvent, eventSetup: HostEventSetup) => {
      const context = this.streamContext(event.streamID()) as AlpakaStreamContext;
      context.continueWith(this.#acquired as EDMetadata, eventSetup);
      this.#acquired = undefined;
      return this.callProduce(context, event);
    },
  };

  /** CMSSW's EDMetadataAcquireSentry::finish: produce waits for the acquire's queue work, if there was any. */
  #finishAcquire(context: AlpakaStreamContext, holder: WaitingTaskWithArenaHolder): Promise<void> | undefined {
    const metadata = context.event.metadata;
    if (!context.event.queueUsed) return undefined;
    if (this.synchronize) return metadata.waitForQueue();
    const waiting = metadata.waitForQueue();
    if (waiting === undefined) return undefined;
    const done = holder.copy();
    waiting.then(
      () => done.doneWaiting(),
      (error: unknown) => done.doneWaiting(error),
    );
    return undefined;
  }
}

/**
 * CMSSW's `stream::FixedQueueEDProducer` (newest): one queue per stream for the module's whole life, made at
 * beginStream; every invocation works on it. `beginStream(streamID, queue)` and `endStream(queue)` are the
 * author's hooks.
 */
export abstract class FixedQueueEDProducer extends EDProducer {
  #queue: Queue | undefined = undefined;

  /** The stream's queue (after beginStream). */
  protected get fixedQueue(): Queue | undefined {
    return this.#queue;
  }

  beginStreamWithQueue?(streamID: number, queue: Queue): MaybePromise<void>;
  endStreamWithQueue?(queue: Queue): MaybePromise<void>;

  override readonly [frameworkMethods]: FrameworkMethods = {
    beginStream: (streamID: number) => {
      const queue = this.runtime.chooseDevice(streamID).createQueue();
      this.#queue = queue;
      return this.beginStreamWithQueue?.(streamID, queue);
    },
    endStream: async () => {
      const queue = this.#queue;
      if (queue === undefined) return;
      await this.endStreamWithQueue?.(queue);
      // Work the hook enqueued is the stream's last: waited for here, as nothing else will.
      await queue.wait();
    },
    produce: (event: HostEvent, eventSetup: HostEventSetup) => {
      const context = this.startInvocation(event.streamID(), event, eventSetup);
      context.event.metadata.useFixedQueue(this.#queue as Queue);
      return this.callProduce(context, event);
    },
  };
}
