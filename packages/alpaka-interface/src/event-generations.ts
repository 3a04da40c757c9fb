/**
 * The record/complete bookkeeping every event shares, whatever the device: each record() starts a new
 * generation; the event is complete once its queue has reached the latest recorded one, and a wait() waits
 * for the generation recorded when it was called (later re-records do not extend it). A backend's event
 * calls startRecord() when its queue records it and complete() when the queue reaches that point.
 */
export class EventGenerations {
  private recorded = 0;
  private completed = 0;
  private readonly waiters: Array<{ generation: number; resolve: () => void }> = [];

  startRecord(): number {
    this.recorded += 1;
    return this.recorded;
  }

  complete(generation: number): void {
    this.completed = Math.max(this.completed, generation);
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      const waiter = this.waiters[index];
      if (waiter && waiter.generation <= this.completed) {
        this.waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }

  /** True when every record so far has been reached (and for an event never recorded, as in alpaka). */
  get reached(): boolean {
    return this.completed >= this.recorded;
  }

  get everRecorded(): boolean {
    return this.recorded > 0;
  }

  wait(): Promise<void> {
    const generation = this.recorded;
    if (this.completed >= generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ generation, resolve }));
  }
}
