import type { Device } from '@alpaka-ts/interface';

/**
 * CMSSW's `edm::ReusableObjectHolder`, one per device: objects made on first demand and given back for reuse, so
 * a job makes as many queues (or events) per device as it ever uses at once, never one per event. JavaScript has
 * no shared_ptr deleter to give them back, so whoever took one releases it (the alpaka layer, once the event's
 * work on it has finished).
 */
export class ReusableObjectCache<T> {
  readonly #free = new Map<Device, T[]>();
  readonly #make: (device: Device) => T;
  readonly #reusable: (object: T) => boolean;
  #created = 0;

  /** `reusable` says whether a released object may be handed out again now (events: only complete ones). */
  constructor(make: (device: Device) => T, reusable: (object: T) => boolean = () => true) {
    this.#make = make;
    this.#reusable = reusable;
  }

  /** A free object of the device, or a new one. */
  get(device: Device): T {
    const free = this.#free.get(device);
    if (free !== undefined) {
      // CMSSW's EventCache takes only events whose captured work is complete, keeping the others, so two
      // streams never ping-pong one event; the first reusable object from the end is taken.
      for (let index = free.length - 1; index >= 0; index--) {
        const object = free[index] as T;
        if (this.#reusable(object)) {
          free.splice(index, 1);
          return object;
        }
      }
    }
    this.#created++;
    return this.#make(device);
  }

  /** Gives an object back for reuse on its device. */
  release(device: Device, object: T): void {
    let free = this.#free.get(device);
    if (free === undefined) {
      free = [];
      this.#free.set(device, free);
    }
    free.push(object);
  }

  /** How many objects were made since the cache was created or cleared (what tests check to see reuse). */
  get createdCount(): number {
    return this.#created;
  }

  /** Drops every free object (CMSSW's AlpakaService clears its caches at the end of the job). */
  clear(): void {
    this.#free.clear();
    this.#created = 0;
  }
}
