import { FrameworkError } from '@alpaka-ts/core';
import type { Device, Queue } from '@alpaka-ts/interface';

/**
 * CMSSW's cms::cuda::ContextState (CUDACore/ContextState.h): the device and stream an ExternalWork module's
 * acquire used, carried to its produce (a member of the module, one per EDM stream). ScopedContextAcquire sets
 * it; ScopedContextProduce takes the stream out again, which empties it so it cannot leak into the next event.
 */
export class ContextState {
  #device: Device | undefined;
  #stream: Queue | undefined;

  /** Whether it holds a device and a stream. */
  get isValid(): boolean {
    return this.#stream !== undefined;
  }

  set(device: Device, stream: Queue): void {
    if (this.#stream !== undefined)
      throw new FrameworkError('LogicError', 'Trying to set ContextState, but it already had a valid state');
    this.#device = device;
    this.#stream = stream;
  }

  get device(): Device {
    this.#throwIfEmpty();
    return this.#device as Device;
  }

  /** CMSSW's streamPtr(): the stream, left in the state. */
  streamPtr(): Queue {
    this.#throwIfEmpty();
    return this.#stream as Queue;
  }

  /** CMSSW's releaseStreamPtr(): the stream, the state emptied. */
  releaseStreamPtr(): Queue {
    this.#throwIfEmpty();
    const stream = this.#stream as Queue;
    this.#device = undefined;
    this.#stream = undefined;
    return stream;
  }

  #throwIfEmpty(): void {
    if (this.#stream === undefined)
      throw new FrameworkError('LogicError', 'Trying to get ContextState, but it did not have a valid state');
  }
}
