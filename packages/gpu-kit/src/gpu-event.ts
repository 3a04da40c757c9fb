import { type DeviceV1, EventGenerations, type EventV1 } from '@alpaka-ts/interface/backend';
import type { GpuNativeAddon } from './native-binding';

/**
 * A GPU event (CUDA's, HIP's). isComplete asks the driver. A record adds nothing to the queue's stream but the
 * record itself; wait() has the device's helper stream wait on the event and call back, so nothing polls and no
 * queue's stream is held by a host callback per record.
 */
export class GpuEvent implements EventV1 {
  readonly generations = new EventGenerations();
  /** The generation of the latest record (set by the recording queue). */
  latestGeneration = 0;

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly handle: bigint,
    private readonly addon: GpuNativeAddon,
    private readonly callWhenComplete: (handle: bigint, reached: () => void) => void,
  ) {}

  isComplete(): boolean {
    if (!this.generations.everRecorded || this.generations.reached) return true;
    if (!this.addon.eventQuery(this.ordinal, this.handle)) return false;
    this.generations.complete(this.latestGeneration);
    return true;
  }

  wait(): Promise<void> {
    if (this.isComplete()) return Promise.resolve();
    const generation = this.latestGeneration;
    const waiting = this.generations.wait();
    this.callWhenComplete(this.handle, () => this.generations.complete(generation));
    return waiting;
  }
}
