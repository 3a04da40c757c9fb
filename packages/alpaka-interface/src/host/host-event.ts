import type { DeviceV1, EventV1 } from '../backend';
import { EventGenerations } from '../event-generations';

/** An event of the host device: complete once the queue has reached its latest record. */
export class HostEvent implements EventV1 {
  readonly generations = new EventGenerations();

  constructor(readonly device: DeviceV1) {}

  isComplete(): boolean {
    return this.generations.reached;
  }

  wait(): Promise<void> {
    return this.generations.wait();
  }
}
