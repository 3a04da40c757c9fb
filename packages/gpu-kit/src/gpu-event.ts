import { type DeviceV1, EventGenerations, type EventV1 } from '@alpaka-ts/interface/backend';
import type { GpuNativeAddon } from './native-binding';

/**
 * A GPU event (CUDA's, HIP's). isComplete asks the driver; wait() resolves from a host callback the recording queue enqueues
 * right after the record, so nothing polls.
 */
export class GpuEvent implements EventV1 {
  readonly generations = new EventGenerations();

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly handle: bigint,
    private readonly addon: GpuNativeAddon,
  ) {}

  isComplete(): boolean {
    if (!this.generations.everRecorded || this.generations.reached) return true;
    return this.addon.eventQuery(this.ordinal, this.handle);
  }

  wait(): Promise<void> {
    return this.generations.wait();
  }
}
