import type { Device, Event, Queue } from '@alpaka-ts/interface';

/** Who may make a Product and read its data: the scoped contexts (not exported from the package). */
export const productConstruction: unique symbol = Symbol('cuda-core.Product construction') as never;
const data = new WeakMap<ProductBase, unknown>();

/**
 * CMSSW's cms::cuda::ProductBase (CUDADataFormats/Common): the device, stream and event of a product made on the
 * GPU. `isAvailable()` is whether the work that made it has finished. The first consumer on the same device may
 * continue on the producer's stream (`tryReuseStream`, a compare-and-swap in CMSSW); the others wait on the event.
 */
export class ProductBase {
  readonly device: Device;
  readonly stream: Queue;
  /** Recorded on the stream after the producing module's work; undefined when it enqueued nothing to wait for. */
  readonly event: Event | undefined;
  #mayReuseStream = true;

  protected constructor(device: Device, stream: Queue, event: Event | undefined) {
    this.device = device;
    this.stream = stream;
    this.event = event;
  }

  /** CMSSW's isAvailable(): eventWorkHasCompleted(event). */
  isAvailable(): boolean {
    return this.event === undefined || this.event.isComplete();
  }

  /** True for the first caller only: it may enqueue on this product's stream without waiting for the event. */
  tryReuseStream(): boolean {
    if (!this.#mayReuseStream) return false;
    this.#mayReuseStream = false;
    return true;
  }
}

/**
 * CMSSW's cms::cuda::Product<T>: data on the GPU with its device, stream and event. Made only by
 * ScopedContextProduce's wrap/emplace, read only through a context's get(), which makes the reader's stream wait
 * for the producer's work first.
 */
export class Product<T> extends ProductBase {
  constructor(token: typeof productConstruction, device: Device, stream: Queue, event: Event | undefined, value: T) {
    if (token !== productConstruction)
      throw new TypeError(
        'A cuda Product is made by ScopedContextProduce.wrap() or emplace(), not constructed directly.',
      );
    super(device, stream, event);
    data.set(this, value);
  }
}

/** The data of a product, for the contexts' get() once they have synchronized their stream with it. */
export function productData<T>(product: Product<T>): T {
  return data.get(product) as T;
}
