import type { Queue } from '@alpaka-ts/interface';
import { ReusableObjectCache } from './reusable-object-cache';

/**
 * CMSSW's `cms::alpakatools::QueueCache<Queue>`: the non-blocking queues of each device of a backend, reused from
 * event to event. On host backends the queues are the device's default (blocking) ones.
 */
export class QueueCache extends ReusableObjectCache<Queue> {
  constructor() {
    super((device) => device.createQueue());
  }
}
