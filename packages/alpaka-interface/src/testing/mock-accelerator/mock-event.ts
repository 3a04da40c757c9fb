import type { DeviceV1, EventV1 } from '../../backend';
import { EventGenerations } from '../../event-generations';

/**
 * An event of a mock device, with the host events' record semantics (EventGenerations): complete when new or
 * once its queue has reached the latest record; a re-record makes it incomplete again. It also answers, without
 * waiting for a promise, whether a given record has been reached, so a queue waiting for it can start in the
 * same step in which the event completed.
 */
export class MockEvent implements EventV1 {
  private readonly generations = new EventGenerations();
  private latestRecord = 0;
  private reachedRecord = 0;

  constructor(readonly device: DeviceV1) {}

  /** Called when a queue records the event: the number of this record. */
  startRecord(): number {
    this.latestRecord = this.generations.startRecord();
    return this.latestRecord;
  }

  /** Called when the recording queue reaches the record. */
  complete(record: number): void {
    this.reachedRecord = Math.max(this.reachedRecord, record);
    this.generations.complete(record);
  }

  /** The latest record so far (0 when never recorded): what a waitFor made now waits for. */
  get latest(): number {
    return this.latestRecord;
  }

  hasReached(record: number): boolean {
    return this.reachedRecord >= record;
  }

  isComplete(): boolean {
    return this.generations.reached;
  }

  wait(): Promise<void> {
    return this.generations.wait();
  }
}
