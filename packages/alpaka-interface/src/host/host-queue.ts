import type { DeviceV1, EventV1, Extent3, QueueV1, RegionV1 } from '../backend';
import type { ElementType } from '../element-types';
import { AlpakaError, InvalidArgumentError, KernelExecutionError } from '../errors';
import { HostEvent } from './host-event';
import { copyHostRegions, fillHostRegion, setHostRegion } from './host-memory';

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

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
      let result: void | Promise<void>;
      try {
        result = task();
      } catch (error) {
        throw this.wrap(error);
      }
      if (result instanceof Promise) {
        // The task already ran; a blocking queue cannot hold the calling thread for a promise.
        result.catch(() => {});
        throw new InvalidArgumentError(
          'a host task on a blocking queue returned a promise, which a blocking queue cannot wait for; use a non-blocking queue (device.createQueue({ blocking: false })).',
        );
      }
      return;
    }
    this.pending += 1;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => {
        this.firstFailure ??= this.wrap(error);
      })
      .finally(() => {
        this.pending -= 1;
      });
  }

  copy(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
    this.enqueueHostTask(() => copyHostRegions(destination, source, extentBytes));
  }

  set(destination: RegionV1, byteValue: number, extentBytes: Extent3): void {
    this.enqueueHostTask(() => setHostRegion(destination, byteValue, extentBytes));
  }

  fill(destination: RegionV1, elementType: ElementType, value: number, extentElements: Extent3): void {
    this.enqueueHostTask(() => fillHostRegion(destination, elementType, value, extentElements));
  }

  record(event: EventV1): void {
    if (!(event instanceof HostEvent)) {
      throw new InvalidArgumentError(
        `a host queue records only host events; this event belongs to ${event.device.name}.`,
      );
    }
    const generation = event.startRecord();
    this.enqueueHostTask(() => event.complete(generation));
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

  async wait(): Promise<void> {
    await this.tail;
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
  }

  private wrap(error: unknown): Error {
    const failure = asError(error);
    if (failure instanceof AlpakaError) return failure;
    return new KernelExecutionError(`work enqueued into a queue of ${this.device.name} failed: ${failure.message}`, {
      cause: failure,
    });
  }
}
