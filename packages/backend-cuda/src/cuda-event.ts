import type { DeviceV1, EventV1 } from '@alpaka-ts/interface';
import type { CudaNativeAddon } from './native-addon';

/**
 * A CUDA event. isComplete asks the driver; wait() resolves from a host callback the recording queue enqueues
 * right after the record, so nothing polls. Each record starts a new generation, as for host events.
 */
export class CudaEvent implements EventV1 {
  private recordedGeneration = 0;
  private completedGeneration = 0;
  private readonly waiters: Array<{ generation: number; resolve: () => void }> = [];

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly handle: bigint,
    private readonly addon: CudaNativeAddon,
  ) {}

  startRecord(): number {
    this.recordedGeneration += 1;
    return this.recordedGeneration;
  }

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
    if (this.recordedGeneration === 0) return true;
    return this.completedGeneration >= this.recordedGeneration || this.addon.eventQuery(this.ordinal, this.handle);
  }

  wait(): Promise<void> {
    const generation = this.recordedGeneration;
    if (this.completedGeneration >= generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ generation, resolve }));
  }
}
