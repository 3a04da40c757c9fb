import { type Device, type Event, findCopyToDeviceForClass, Queue } from '@alpaka-ts/interface';
import { FrameworkError } from '../errors/framework-error';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';

/** Where a cache's backend comes from: the runtime itself, or an alpaka module bound to it (`this`). */
export type AlpakaBackendOwner = AlpakaBackendRuntime | { readonly runtime: AlpakaBackendRuntime };

interface DeviceCopy<D> {
  readonly data: D;
  /** Recorded after the copy on its queue; undefined once the copy is known to have finished. */
  event: Event | undefined;
}

const noop = (): void => {};

/**
 * CMSSW's `cms::alpakatools::MoveToDeviceCache<TDevice, THostObject>`: data an ED module (or an ESProducer)
 * holds for the whole job, given once in host memory and kept on every device of the backend. On host backends
 * the host object is used as it is (`get` returns that very object); on accelerators it is copied to each
 * device with its CopyToDevice and released once the copies have finished.
 *
 * CMSSW copies synchronously (`alpaka::wait` on each queue in the constructor). JavaScript cannot block, so the
 * constructor enqueues the copies, records an event after each, and `get` stays safe at once:
 * - `get(queue)` orders the queue after its device's copy (a non-blocking `waitFor` on the event, until the
 *   copy is known to be complete), so kernels enqueued on it see the data;
 * - `get(device)` hands out the data only once its copy has finished, and throws before (use `get(queue)`, or
 *   await `ready`);
 * - `ready` resolves when every copy has finished (from the queues' completion, never polled), and rejects
 *   with a copy's failure.
 */
export class MoveToDeviceCache<Host = unknown, OnDevice = Host> {
  readonly runtime: AlpakaBackendRuntime;
  /** Settles once the data is on every device (already resolved on host backends). */
  readonly ready: Promise<void>;
  readonly #copies = new Map<Device, DeviceCopy<Host | OnDevice>>();
  #failure: unknown;

  constructor(host: Host, backend: AlpakaBackendOwner) {
    const runtime = 'runtime' in backend ? backend.runtime : backend;
    this.runtime = runtime;
    if (runtime.productsAreHostProducts) {
      for (const device of runtime.devices) this.#copies.set(device, { data: host, event: undefined });
      this.ready = Promise.resolve();
      return;
    }
    const copy = findCopyToDeviceForClass((host as object | null)?.constructor);
    if (copy === undefined) {
      throw new FrameworkError(
        'LogicError',
        `${new.target.name}: no CopyToDevice is registered for ${describe(host)}, so it cannot be copied to the devices of ${runtime.name}; register one with registerCopyToDevice.`,
      );
    }
    const finished: Promise<void>[] = [];
    for (const device of runtime.devices) {
      const queue = runtime.queueCache.get(device);
      let data: OnDevice;
      let event: ReturnType<typeof device.createEvent>;
      try {
        data = copy.copyAsync(queue, host) as OnDevice;
        event = device.createEvent();
        queue.record(event);
      } catch (error) {
        // Nothing is lost: this device's queue goes back once its work is done, and the devices copied so far
        // report nothing unhandled.
        void queue.wait().then(
          () => runtime.queueCache.release(device, queue),
          () => runtime.queueCache.release(device, queue),
        );
        for (const pending of finished) pending.then(undefined, noop);
        throw error;
      }
      const entry: DeviceCopy<Host | OnDevice> = { data, event };
      this.#copies.set(device, entry);
      finished.push(
        queue.wait().then(
          () => {
            entry.event = undefined;
            runtime.queueCache.release(device, queue);
          },
          (error: unknown) => {
            runtime.queueCache.release(device, queue);
            throw error;
          },
        ),
      );
    }
    // The cache keeps no reference to the host object: the enqueued copies hold its memory until they have run.
    this.ready = Promise.all(finished).then(noop, (error: unknown) => {
      this.#failure = error;
      throw error;
    });
    // A failure is reported through `ready` and `get`; nobody awaiting `ready` is no unhandled rejection.
    this.ready.then(undefined, noop);
  }

  /** The data for work on this queue, the queue ordered after the copy to its device. */
  get(queue: Queue): Host | OnDevice;
  /** The data of this device; throws while its copy is still running. */
  get(device: Device): Host | OnDevice;
  get(where: Queue | Device): Host | OnDevice {
    const isQueue = where instanceof Queue;
    const device = isQueue ? where.device : where;
    const entry = this.#copies.get(device);
    if (entry === undefined) {
      throw new FrameworkError(
        'LogicError',
        `This device cache holds data for the devices of ${this.runtime.name} (${[...this.#copies.keys()].map(String).join(', ')}), not for ${device}.`,
      );
    }
    const event = entry.event;
    if (event === undefined) return entry.data;
    if (this.#failure !== undefined) throw this.#failure;
    if (event.isComplete()) {
      entry.event = undefined;
    } else if (isQueue) {
      where.waitFor(event);
    } else {
      throw new FrameworkError(
        'LogicError',
        `The copy of this device cache to ${device} has not finished yet: use get(queue), which orders the queue after the copy, or await the cache's ready first.`,
      );
    }
    return entry.data;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `a ${value.constructor.name}`;
  return value === null ? 'null' : `a ${typeof value}`;
}
