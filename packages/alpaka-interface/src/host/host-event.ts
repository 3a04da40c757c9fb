import type { DeviceV1, EventV1 } from '../backend';

/**
 * An event of the host device. Each record() starts a new generation; the event is complete once the
 * queue has reached the latest recorded generation. A never-recorded event is complete, as in alpaka.
 */
export class HostEvent implements EventV1 {
  private recordedGeneration = 0;
  private completedGeneration = 0;
  private readonly waiters: Array<{ generation: number; resolve: () => void }> = [];

  constructor(readonly device: DeviceV1) {}

  /** Called by a queue when it enqueues the record; returns the generation to complete later. */
  startRecord(): number {
    this.recordedGeneration += 1;
    return this.recordedGeneration;
  }

  /** Called by the queue when it reaches the record. */
  complete(generation: number): void {
    this.completedGeneration = Math.max(this.completedGeneration, generation);
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      const waiter = this.waiters[index];
      if (waiter && waiter.generation <= this.completedGeneration) {
        this.waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }

  isComplete(): boolean {
    return this.completedGeneration >= this.recordedGeneration;
  }

  /** Resolves when the generation recorded at the time of this call has completed. */
  wait(): Promise<void> {
    const generation = this.recordedGeneration;
    if (this.completedGeneration >= generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ generation, resolve }));
  }
}
