import type { DeviceV1, EventV1, Extent3, QueueV1, RegionV1 } from '../../backend';
import type { ElementType } from '../../element-types';
import { InvalidArgumentError } from '../../errors';
import { queueFailure, runHostTaskNow } from '../../queue-failures';
import type { MockCopier } from './mock-copies';
import { MockEvent } from './mock-event';
import { alwaysReady, checkStreamOrder, type MockOperation, mockMemoriesOf } from './mock-operation';
import type { MockScheduler } from './mock-scheduler';
import type { MockStatisticsCounters } from './mock-statistics';

/** What a queue needs of its platform: the clock, the counters and the copy engine shared by its devices. */
export interface MockQueueContext {
  readonly scheduler: MockScheduler;
  readonly statistics: MockStatisticsCounters;
  readonly copier: MockCopier;
  readonly platformName: string;
}

/**
 * A queue of a mock device. Non-blocking (the default for a non-host device): a FIFO of operations that the
 * platform's scheduler starts one at a time, never in the call that enqueued them; a host task's promise holds
 * the queue. Blocking (alpaka's QueueCudaRtBlocking): each operation finishes before the call returns.
 */
export class MockQueue implements QueueV1 {
  readonly name: string;
  private readonly pending: MockOperation[] = [];
  private running = false;
  private enqueuedOperations = 0;
  completedOperations = 0;
  private firstFailure: Error | undefined;
  private readonly waiters: Array<{ position: number; resolve: () => void }> = [];

  constructor(
    readonly device: DeviceV1,
    readonly blocking: boolean,
    private readonly context: MockQueueContext,
    serial: number,
  ) {
    this.name = `queue ${serial} of ${context.platformName}:${device.index}`;
  }

  /** How many operations have been enqueued: stream-ordered memory allocated now is usable from this point. */
  get enqueued(): number {
    return this.enqueuedOperations;
  }

  enqueue(operation: MockOperation): void {
    this.enqueuedOperations += 1;
    if (this.blocking) {
      // Everything before has finished: run it here, as the host's blocking queue does.
      try {
        checkStreamOrder(operation, this);
        runHostTaskNow(() => operation.run(), this.device.name);
      } finally {
        this.completedOperations += 1;
      }
      return;
    }
    this.pending.push(operation);
    this.context.scheduler.wake(this);
  }

  /** Starts the head operation when nothing runs and it may start (called by the scheduler). */
  startNext(): boolean {
    const operation = this.pending[0];
    if (this.running || !operation || !operation.canStart()) return false;
    this.pending.shift();
    this.running = true;
    let result: void | Promise<void>;
    try {
      checkStreamOrder(operation, this);
      result = operation.run();
    } catch (error) {
      this.finish(error);
      return true;
    }
    if (result instanceof Promise) {
      result.then(
        () => this.finish(undefined),
        (error: unknown) => this.finish(error),
      );
    } else this.finish(undefined);
    return true;
  }

  private finish(error: unknown): void {
    if (error !== undefined) this.firstFailure ??= queueFailure(error, this.device.name);
    this.running = false;
    this.completedOperations += 1;
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      const waiter = this.waiters[index];
      if (waiter && waiter.position <= this.completedOperations) {
        this.waiters.splice(index, 1);
        waiter.resolve();
      }
    }
    this.context.scheduler.wake(this);
  }

  copy(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
    const run = this.context.copier.prepareCopy(this, destination, source, extentBytes);
    this.enqueue({
      description: 'a copy',
      memories: mockMemoriesOf([destination.memory, source.memory]),
      canStart: alwaysReady,
      run,
    });
  }

  set(destination: RegionV1, byteValue: number, extentBytes: Extent3): void {
    const run = this.context.copier.prepareSet(this, destination, byteValue, extentBytes);
    this.enqueue({
      description: 'a memset',
      memories: mockMemoriesOf([destination.memory]),
      canStart: alwaysReady,
      run,
    });
  }

  fill(destination: RegionV1, elementType: ElementType, value: number, extentElements: Extent3): void {
    const run = this.context.copier.prepareFill(this, destination, elementType, value, extentElements);
    this.enqueue({ description: 'a fill', memories: mockMemoriesOf([destination.memory]), canStart: alwaysReady, run });
  }

  enqueueHostTask(task: () => void | Promise<void>): void {
    this.context.statistics.add(this.device.index, 'hostTasks');
    this.enqueue({ description: 'a host task', memories: [], canStart: alwaysReady, run: task });
  }

  /** Enqueues a prepared kernel run (from the mock's launch). */
  enqueueKernel(kernelName: string, memories: readonly unknown[], run: () => void | Promise<void>): void {
    this.context.statistics.add(this.device.index, 'launches');
    this.enqueue({
      description: `kernel '${kernelName}'`,
      memories: mockMemoriesOf(memories),
      canStart: alwaysReady,
      run,
    });
  }

  record(event: EventV1): void {
    if (!(event instanceof MockEvent) || event.device !== this.device) {
      throw new InvalidArgumentError(
        `a queue of ${this.device.name} records only its own device's events; this event belongs to ${event.device.name}.`,
      );
    }
    this.context.statistics.add(this.device.index, 'eventRecords');
    const record = event.startRecord();
    this.enqueue({
      description: 'an event record',
      memories: [],
      canStart: alwaysReady,
      run: () => event.complete(record),
    });
  }

  waitFor(event: EventV1): void {
    if (!(event instanceof MockEvent) || event.device.platform !== this.device.platform) {
      // A GPU stream waits only for events its driver knows; the mock refuses the rest rather than guess.
      throw new InvalidArgumentError(
        `a queue of ${this.context.platformName} waits only for events of its own platform's devices; this event belongs to ${event.device.name} (${event.device.platform.name}). Wait for it on the host (await event.wait()) before enqueueing.`,
      );
    }
    // Waits for the record made before this call, not for later re-records.
    const record = event.latest;
    const reached = () => event.hasReached(record);
    if (this.blocking && !reached()) {
      throw new InvalidArgumentError(
        `a blocking queue of ${this.device.name} cannot wait for an incomplete event (of ${event.device.name}) without blocking JavaScript; await event.wait() first or use a non-blocking queue.`,
      );
    }
    this.context.statistics.add(this.device.index, 'eventWaits');
    this.enqueue({ description: 'an event wait', memories: [], canStart: reached, run: () => {} });
  }

  isEmpty(): boolean {
    return this.completedOperations === this.enqueuedOperations;
  }

  tryWait(): boolean {
    if (this.completedOperations !== this.enqueuedOperations) return false;
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
    return true;
  }

  async wait(): Promise<void> {
    const position = this.enqueuedOperations;
    if (this.completedOperations < position) {
      await new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    }
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
  }
}
