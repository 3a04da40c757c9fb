import type { EndOfEventWork } from './end-of-event-work';
import { type EventID, makeEventID } from './event-id';

/**
 * CMSSW's EventPrincipal: the products of the event a stream is processing, one slot per product of the
 * registry (undefined: not put). One per stream, reused for every event, so an event allocates nothing here.
 */
export class EventPrincipal {
  readonly streamID: number;
  readonly products: unknown[];
  eventID: EventID = makeEventID(0, 0, 0);
  time = 0n;
  /** What the event's modules left running (alpaka queues and events); settled before the next event. */
  readonly endOfEventWork: EndOfEventWork[] = [];

  constructor(streamID: number, numberOfSlots: number) {
    this.streamID = streamID;
    this.products = new Array<unknown>(numberOfSlots).fill(undefined);
  }

  /** Drops the previous event's products (the next event starts empty). */
  clear(): void {
    this.products.fill(undefined);
  }
}
