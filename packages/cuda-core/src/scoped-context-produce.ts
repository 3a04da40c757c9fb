import type { ConstEvent, Event as FrameworkEvent } from '@alpaka-ts/core';
import { registerEndOfEventWork } from '@alpaka-ts/core';
import type { Event } from '@alpaka-ts/interface';
import type { ContextState } from './context-state';
import type { CUDAService } from './cuda-service';
import { Product, type ProductBase, productConstruction } from './product';
import { type ContextSource, ScopedContextBase } from './scoped-context-base';

/**
 * CMSSW's cms::cuda::ScopedContextProduce: the context of a produce() that puts CUDA products. It takes its event
 * from the EventCache up front, `wrap`/`emplace` make products carrying device, stream and that event, and
 * disposing of the context (`using`, or [Symbol.dispose]() by hand) records the event after the work enqueued.
 *
 *   using ctx = new ScopedContextProduce(cuda, event);
 *   event.put(token, ctx.wrap(makeDeviceData(ctx.stream)));
 */
export class ScopedContextProduce extends ScopedContextBase implements Disposable {
  readonly #event: Event;
  #recorded = false;

  /** On the EDM stream's device, with a stream of the cache. */
  constructor(service: CUDAService, event: ConstEvent, source: ContextSource = { kind: 'stream' }) {
    super(service, event, source);
    const device = this.device;
    const recorded = service.takeEvent(device);
    this.#event = recorded;
    registerEndOfEventWork(event as FrameworkEvent, {
      endOfEvent: () => {
        if (!recorded.isComplete()) return recorded.wait().then(() => service.returnEvent(device, recorded));
        service.returnEvent(device, recorded);
        return undefined;
      },
    });
  }

  /** On a product's device, continuing on its stream when this is its first consumer. */
  static fromProduct(service: CUDAService, event: ConstEvent, product: ProductBase): ScopedContextProduce {
    return new ScopedContextProduce(service, event, { kind: 'product', product });
  }

  /** On the device and stream an acquire left in the ContextState, which is emptied (ExternalWork's produce). */
  static fromState(service: CUDAService, event: ConstEvent, state: ContextState): ScopedContextProduce {
    const device = state.device;
    return new ScopedContextProduce(service, event, { kind: 'given', device, stream: state.releaseStreamPtr() });
  }

  /** A product of `value` (CMSSW's wrap): made on this context's device and stream, with its event. */
  wrap<T>(value: T): Product<T> {
    return new Product(productConstruction, this.device, this.stream, this.#event, value);
  }

  /** CMSSW's emplace: the same as wrap here, JavaScript constructing the value before the call. */
  emplace<T>(value: T): Product<T> {
    return this.wrap(value);
  }

  /** Records the event after the work enqueued so far (CMSSW's destructor). */
  [Symbol.dispose](): void {
    if (this.#recorded) return;
    this.#recorded = true;
    this.stream.record(this.#event);
  }
}
