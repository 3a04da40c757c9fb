// A SynchronizingEDProducer and a FixedQueueEDProducer over the counts of semantics-test-modules, writing to the
// same journal which queue each method got.

import { allocAsyncBuf, fill, i32, type Queue } from '@alpaka-ts/interface';
import { type device, stream } from '../../src/alpaka/index';
import { CountsType, DeviceCounts, HostCounts, journal, queues } from './semantics-test-modules';

const countsOn = (queue: Queue, value: number): HostCounts | DeviceCounts => {
  const values = allocAsyncBuf(queue, i32, 4);
  fill(queue, values, value);
  return queue.device.isHost ? new HostCounts(values) : new DeviceCounts(values);
};

/**
 * acquire fills counts on its queue and enqueues a journal task (then, with `throwInAcquire`, a task that
 * throws); produce puts them, on the queue it is given (which must be the acquire's), after a journal task.
 */
export class SynchronizingCounts extends stream.SynchronizingEDProducer {
  readonly #token = this.produces(CountsType);
  #counts: HostCounts | DeviceCounts | undefined;

  acquire(event: device.Event): void {
    const eventNumber = event.id().event;
    const label = this.moduleLabel;
    journal.push(`${label}:acquire:${eventNumber}`);
    const queue = event.queue();
    queues.set(`${label}:acquire:${eventNumber}`, queue);
    this.#counts = countsOn(queue, 2);
    queue.enqueue(() => void journal.push(`${label}:acquireTask:${eventNumber}`));
    if (this.parameters.exists('throwInAcquire')) {
      queue.enqueue(() => {
        throw new Error(`${label}: the acquire's queue work failed`);
      });
    }
  }

  produce(event: device.Event): void {
    const eventNumber = event.id().event;
    const label = this.moduleLabel;
    journal.push(`${label}:produce:${eventNumber}`);
    const queue = event.queue();
    queues.set(`${label}:produce:${eventNumber}`, queue);
    queue.enqueue(() => void journal.push(`${label}:produceTask:${eventNumber}`));
    event.put(this.#token, this.#counts as HostCounts | DeviceCounts);
    this.#counts = undefined;
  }
}

/** Works on the stream's one queue; journals the queue of beginStream, of each produce and of endStream. */
export class FixedQueueCounts extends stream.FixedQueueEDProducer {
  readonly #token = this.produces(CountsType);

  override beginStreamWithQueue(streamID: number, queue: Queue): void {
    journal.push(`${this.moduleLabel}:beginStream:${streamID}`);
    queues.set(`${this.moduleLabel}:beginStream:${streamID}`, queue);
  }

  override endStreamWithQueue(queue: Queue): void {
    const streamID = [...queues].find(([key, value]) => key.includes(':beginStream:') && value === queue)?.[0];
    journal.push(`${this.moduleLabel}:endStream:${streamID ?? 'an unknown queue'}`);
  }

  produce(event: device.Event): void {
    const queue = event.queue();
    journal.push(`${this.moduleLabel}:produce:${event.id().event}:stream${event.streamID()}`);
    queues.set(`${this.moduleLabel}:produce:${event.id().event}`, queue);
    event.put(this.#token, countsOn(queue, 3));
  }
}
