import type { Event } from '@alpaka-ts/interface';
import { ReusableObjectCache } from './reusable-object-cache';

/**
 * CMSSW's `cms::alpakatools::EventCache<Event>`: events of each device, reused; only an event whose captured work
 * is complete is handed out again.
 */
export class EventCache extends ReusableObjectCache<Event> {
  constructor() {
    super(
      (device) => device.createEvent(),
      (event) => event.isComplete(),
    );
  }
}
