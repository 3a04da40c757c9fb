import type { QueueV1 } from './backend';
import { boundsChecksDefault } from './bounds-checks';
import type { Buffer } from './buffer';
import type { Device } from './device';
import { InvalidArgumentError } from './errors';
import { Event } from './event';
import type { KernelArguments, KernelDefinition } from './kernel';
import type { Signature } from './kernel-source';
import { prepareLaunch } from './launch';
import { describeValue } from './scalar-value';
import type { WorkDivision } from './work-division';

export interface ExecOptions {
  /** A u32 buffer of at least 2 elements on the queue's device: acc.check() records failures there. */
  readonly checkBuffer?: Buffer;
  /**
   * Runs the bounds-checked variant of the kernel: every array and view access is checked, an out-of-range one
   * is skipped (a load reads 0, a store is dropped) and the launch fails with a KernelExecutionError naming the
   * kernel, the argument, the index and the extent. Default: the queue's (QueueOptions.boundsChecks).
   */
  readonly boundsChecks?: boolean;
}

const enqueued: Promise<void> = Promise.resolve();

function expectEvent(event: unknown, operation: string): asserts event is Event {
  if (!(event instanceof Event))
    throw new InvalidArgumentError(`${operation} needs an Event (device.createEvent()), not ${describeValue(event)}.`);
}

/** A FIFO queue of work on one device (alpaka's Queue). */
export class Queue {
  /** Whether launches run bounds-checked unless ExecOptions.boundsChecks says otherwise. */
  readonly boundsChecks: boolean;

  constructor(
    readonly device: Device,
    readonly implementation: QueueV1,
    /** Default: ALPAKA_TS_BOUNDS_CHECKS, read now. */
    boundsChecks: boolean = boundsChecksDefault(),
  ) {
    this.boundsChecks = boundsChecks;
  }

  get blocking(): boolean {
    return this.implementation.blocking;
  }

  /**
   * Enqueues a kernel. The promise resolves once the launch is enqueued (on a blocking queue, once the
   * kernel has run); bad arguments reject it before anything is enqueued.
   */
  exec<S extends Signature>(
    workDivision: WorkDivision,
    kernel: KernelDefinition<S>,
    args: KernelArguments<S>,
    options?: ExecOptions,
  ): Promise<void> {
    // Not an async function: a launch returns one shared settled promise instead of making its own, which
    // is measurable next to a GPU launch's few microseconds. Failures still reject, never throw.
    try {
      const launch = prepareLaunch(
        this.device,
        workDivision,
        kernel,
        args,
        options?.checkBuffer,
        options?.boundsChecks ?? this.boundsChecks,
      );
      workDivision.accelerator.backend.launch(this.implementation, launch);
      return enqueued;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs a host function in queue order; a returned promise holds a non-blocking queue until it settles. */
  enqueue(task: () => void | Promise<void>): void {
    if (typeof task !== 'function')
      throw new InvalidArgumentError(`queue.enqueue needs a function, not ${describeValue(task)}.`);
    this.implementation.enqueueHostTask(task);
  }

  /**
   * Runs `check` on the host once the queue has passed this point, without holding the queue: work enqueued
   * after it goes on meanwhile (on a GPU, no stream waits for JavaScript), so the check must read only memory
   * nothing enqueued after it writes. An Error it returns (or throws) fails the queue: the next wait() rejects
   * with it. For verdicts on results a kernel wrote, where a host task that only reads would stall the queue.
   */
  enqueueCheck(check: () => Error | undefined): void {
    if (typeof check !== 'function')
      throw new InvalidArgumentError(`queue.enqueueCheck needs a function, not ${describeValue(check)}.`);
    if (this.implementation.enqueueCompletionCheck) this.implementation.enqueueCompletionCheck(check);
    else
      this.implementation.enqueueHostTask(() => {
        const failure = check();
        if (failure) throw failure;
      });
  }

  record(event: Event): void {
    expectEvent(event, 'queue.record');
    if (event.device !== this.device) {
      throw new InvalidArgumentError(`an event of ${event.device} cannot be recorded into a queue of ${this.device}.`);
    }
    this.implementation.record(event.implementation);
  }

  /** Work enqueued after this call starts only once the event is complete. */
  waitFor(event: Event): void {
    expectEvent(event, 'queue.waitFor');
    this.implementation.waitFor(event.implementation);
  }

  /** Resolves when everything enqueued so far has finished; rejects with the first failure since the last wait. */
  wait(): Promise<void> {
    return this.implementation.wait();
  }

  isEmpty(): boolean {
    return this.implementation.isEmpty();
  }

  /**
   * wait() without waiting: false while work enqueued so far is still running (or when the backend cannot tell
   * without waiting); true once it has all finished, and then throws the first failure since the last wait, as
   * wait() would reject with it. One event query on a GPU, where a wait() is a host callback's round trip.
   */
  tryWait(): boolean {
    const implementation = this.implementation;
    return implementation.tryWait === undefined ? false : implementation.tryWait();
  }
}
