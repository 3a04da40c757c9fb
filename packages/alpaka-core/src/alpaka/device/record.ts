import type { Device, Queue } from '@alpaka-ts/interface';
import type { ESGetToken as HostESGetToken } from '../../event-setup/es-get-token';
import type { EventSetupRecord } from '../../event-setup/event-setup-record';
import type { EventSetupRecordKey } from '../../event-setup/event-setup-record-key';
import type { ValidityInterval } from '../../event-setup/validity-interval';
import type { AlpakaBackendRuntime } from '../alpaka-backend-runtime';
import type { ESDeviceProduct } from '../es-device-product';
import { ESGetToken } from './es-get-token';

/**
 * CMSSW's `device::Record<TRecord>`: the record an alpaka ESProducer's device `produce` receives, once per device
 * of the backend. It reads host products and, through device tokens, the data of its device; `queue()` is the
 * queue the produce enqueues its work on (taken from the backend's QueueCache on first use, so a produce that
 * enqueues nothing costs no queue and nothing to wait for).
 */
export class Record implements EventSetupRecord {
  readonly #record: EventSetupRecord;
  readonly #device: Device;
  readonly #runtime: AlpakaBackendRuntime;
  #queue: Queue | undefined = undefined;

  constructor(record: EventSetupRecord, device: Device, runtime: AlpakaBackendRuntime) {
    this.#record = record;
    this.#device = device;
    this.#runtime = runtime;
  }

  get key(): EventSetupRecordKey {
    return this.#record.key;
  }

  get validityInterval(): ValidityInterval {
    return this.#record.validityInterval;
  }

  /** The device this produce runs for. */
  device(): Device {
    return this.#device;
  }

  /** The queue of this device's produce; the framework waits for it before the product is handed out. */
  queue(): Queue {
    let queue = this.#queue;
    if (queue === undefined) {
      queue = this.#runtime.queueCache.get(this.#device);
      this.#queue = queue;
    }
    return queue;
  }

  /** The queue if produce asked for it (for the framework, which waits for it and gives it back). */
  get usedQueue(): Queue | undefined {
    return this.#queue;
  }

  /** A host product, or through a device token the data of this record's device. */
  get<T>(token: ESGetToken<T> | HostESGetToken<T>): T {
    if (!(token instanceof ESGetToken)) return this.#record.get(token);
    const product = this.#record.get(token.hostToken);
    return (token.perDevice ? (product as ESDeviceProduct<T>).get(this.#device) : product) as T;
  }
}
