import type { DeviceV1, EventV1, Extent3, QueueV1, RegionV1 } from '../backend';
import type { ElementType } from '../element-types';
import { InvalidArgumentError } from '../errors';
import { queueFailure, runHostTaskNow } from '../queue-failures';
import { HostEvent } from './host-event';
import { checkHostRegion, copyHostRegions, fillHostRegion, setHostRegion } from './host-memory';

/**
 * A FIFO queue of the host device. Blocking queues (alpaka's QueueCpuBlocking) run each operation before
 * enqueue returns; non-blocking ones (QueueCpuNonBlocking) run them in order on the event loop, so a
 * host task that returns a promise holds the queue until it settles.
 */
export class HostQueue implements QueueV1 {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private firstFailure: Error | undefined;

  constructor(
    readonly device: DeviceV1,
    readonly blocking: boolean,
  ) {}

  enqueueHostTask(task: () => void | Promise<void>): void {
    if (this.blocking) {
      runHostTaskNow(task, this.device.name);
      return;
    }
    this.pending += 1;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => {
        this.firstFailure ??= queueFailure(error, this.device.name);
      })
      .finally(() => {
        this.pending -= 1;
      });
  }

  copy(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
    checkHostRegion(destination, 'the copy destination');
    checkHostRegion(source, 'the copy source');
    this.enqueueHostTask(() => copyHostRegions(destination, source, extentBytes));
  }

  set(destination: RegionV1, byteValue: number, extentBytes: Extent3): void {
    checkHostRegion(destination, 'the memset destination');
    this.enqueueHostTask(() => setHostRegion(destination, byteValue, extentBytes));
  }

  fill(destination: RegionV1, elementType: ElementType, value: number, extentElements: Extent3): void {
    checkHostRegion(destination, 'the fill destination');
    this.enqueueHostTask(() => fillHostRegion(destination, elementType, value, extentElements));
  }

  record(event: EventV1): void {
    if (!(event instanceof HostEvent)) {
      throw new InvalidArgumentError(
        `a host queue records only host events; this event belongs to ${event.device.name}.`,
      );
    }
    const generation = event.generations.startRecord();
    this.enqueueHostTask(() => event.generations.complete(generation));
  }

  waitFor(event: EventV1): void {
    if (this.blocking) {
      if (!event.isComplete()) {
        throw new InvalidArgumentError(
          `a blocking host queue cannot wait for an incomplete event (of ${event.device.name}) without blocking JavaScript; await event.wait() first or use a non-blocking queue.`,
        );
      }
      return;
    }
    // Waits for the generation recorded at this moment, not for later re-records.
    const reached = event.wait();
    this.enqueueHostTask(() => reached);
  }

  isEmpty(): boolean {
    return this.pending === 0;
  }

  tryWait(): boolean {
    if (this.pending !== 0) return false;
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
    return true;
  }

  async wait(): Promise<void> {
    await this.tail;
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
  }
}
