import { type ConstEvent, type Event, FrameworkError, registerEndOfEventWork } from '@alpaka-ts/core';
import type { Device, Queue } from '@alpaka-ts/interface';
import type { CUDAService } from './cuda-service';
import { type Product, type ProductBase, productData } from './product';

/** Where a context's device and stream come from: the EDM stream, a product it reads, or a ContextState's. */
export type ContextSource =
  | { readonly kind: 'stream' }
  | { readonly kind: 'product'; readonly product: ProductBase }
  | { readonly kind: 'given'; readonly device: Device; readonly stream: Queue };

/**
 * CMSSW's impl::ScopedContextBase and ScopedContextGetterBase: a module invocation's device and CUDA stream, and
 * get(), which makes this stream wait for a product's work before handing out its data. From the EDM stream the
 * context takes the stream's device (chooseDevice) and a stream of the cache; from a product its device and, for
 * the product's first consumer, its stream. A stream taken from the cache is waited for at the end of the event
 * and given back, which keeps the EDM stream from starting its next event before this one's GPU work is done
 * (CMSSW's Product destructor waits on its event for that).
 */
export abstract class ScopedContextBase {
  readonly service: CUDAService;
  readonly device: Device;
  readonly stream: Queue;

  protected constructor(service: CUDAService, event: ConstEvent | undefined, source: ContextSource) {
    this.service = service;
    if (source.kind === 'given') {
      this.device = source.device;
      this.stream = source.stream;
      return;
    }
    if (source.kind === 'product' && source.product.tryReuseStream()) {
      this.device = source.product.device;
      this.stream = source.product.stream;
      return;
    }
    if (event === undefined)
      throw new FrameworkError('LogicError', 'A CUDA context that takes a stream of its own needs the event.');
    const device = source.kind === 'product' ? source.product.device : service.chooseDevice(event.streamID());
    const stream = service.takeStream(device);
    this.device = device;
    this.stream = stream;
    registerEndOfEventWork(event as Event, {
      endOfEvent: () => stream.wait().then(() => service.returnStream(device, stream)),
    });
  }

  /** The product's data, once this context's stream waits for the work that made it (CMSSW's get()). */
  get<T>(product: Product<T>): T {
    if (product.device !== this.device)
      throw new FrameworkError('LogicError', 'Handling data from multiple devices is not yet supported');
    const event = product.event;
    if (product.stream !== this.stream && event !== undefined && !event.isComplete()) this.stream.waitFor(event);
    return productData(product);
  }
}
