import type { MockStepping } from './mock-accelerator-options';

/** What the scheduler asks of a queue. */
export interface SteppedQueue {
  /** Starts the queue's next operation if it can start now; false when it cannot (or has none). */
  startNext(): boolean;
  isEmpty(): boolean;
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The clock of one mock platform: every non-blocking queue of its devices advances through it. A step starts at
 * most one operation of each queue, so queues interleave as streams do, and nothing runs in the call that
 * enqueued it. Automatic stepping takes a step on each macrotask while work can progress; manual stepping only
 * when the test calls step() or drain(), which makes "not yet done" states exact rather than timing-dependent.
 */
export class MockScheduler {
  /** Queues with work enqueued and not finished, in the order they got it. */
  private readonly busy = new Set<SteppedQueue>();
  private stepScheduled = false;

  constructor(readonly stepping: MockStepping) {}

  /** Called when a queue gets work, or when its running operation finishes: progress may be possible. */
  wake(queue?: SteppedQueue): void {
    if (queue) this.busy.add(queue);
    if (this.stepping !== 'automatic' || this.stepScheduled) return;
    this.stepScheduled = true;
    setImmediate(() => {
      this.stepScheduled = false;
      // Nothing started: every busy queue runs a held task or waits for an event, and whatever ends that
      // (a settling task, a record in another queue) wakes the scheduler again.
      if (this.step() > 0 && this.busy.size > 0) this.wake();
    });
  }

  /** Starts the next operation of every queue that can go on; returns how many started. */
  step(): number {
    let started = 0;
    for (const queue of [...this.busy]) {
      if (queue.startNext()) started += 1;
      if (queue.isEmpty()) this.busy.delete(queue);
    }
    return started;
  }

  /** Resolves once every queue of the platform is empty, stepping them when stepping is manual. */
  async drain(): Promise<void> {
    while (this.busy.size > 0) {
      if (this.stepping === 'manual') this.step();
      for (const queue of [...this.busy]) if (queue.isEmpty()) this.busy.delete(queue);
      if (this.busy.size > 0) await nextMacrotask();
    }
  }
}
