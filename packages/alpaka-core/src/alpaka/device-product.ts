import type { EDMetadata } from './ed-metadata';

/** The data without synchronising, for the implicit copy alone (not exported from the package). */
let unsynchronized: <T>(product: DeviceProduct<T>) => T;

/**
 * CMSSW's `edm::DeviceProduct<T>`: a product in a device's memory together with the metadata of the invocation
 * that made it (device, queue, event). Its data can be used only through a queue that has been synchronised with
 * that work, so the value is reached only through `getSynchronized`.
 */
export class DeviceProduct<T = unknown> {
  static {
    unsynchronized = (product) => product.#value;
  }

  readonly metadata: EDMetadata;
  readonly #value: T;

  constructor(metadata: EDMetadata, value: T) {
    this.metadata = metadata;
    this.#value = value;
  }

  /** The data, once the consumer's queue is ordered after the producer's work (CMSSW's getSynchronized). */
  getSynchronized(consumer: EDMetadata, tryReuseQueue = true): T {
    this.metadata.synchronize(consumer, tryReuseQueue);
    return this.#value;
  }
}

/** The data without synchronising: for the implicit copy, which runs on the producer's queue itself. */
export const unsynchronizedValueOf = <T>(product: DeviceProduct<T>): T => unsynchronized(product);
