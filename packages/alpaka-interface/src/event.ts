import type { EventV1 } from './backend';
import type { Device } from './device';

/** A marker in a queue (alpaka's Event): complete when new, or once the queue passes its latest record. */
export class Event {
  constructor(
    readonly device: Device,
    readonly implementation: EventV1,
  ) {}

  isComplete(): boolean {
    return this.implementation.isComplete();
  }

  /** Resolves when the work recorded before this event has finished. */
  wait(): Promise<void> {
    return this.implementation.wait();
  }
}
