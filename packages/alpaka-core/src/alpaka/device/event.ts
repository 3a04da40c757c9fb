import type { Device, Queue } from '@alpaka-ts/interface';
import type { Event as HostEvent } from '../../event/event';
import type { EventID } from '../../event/event-id';
import { Handle } from '../../event/handle';
import type { EDGetToken as HostEDGetToken, EDPutToken as HostEDPutToken } from '../../modules/ed-get-token';
import { DeviceProduct } from '../device-product';
import type { EDMetadata } from '../ed-metadata';
import { EDGetToken, EDPutToken } from './ed-tokens';
import { wrongMemorySpaceError } from './wrong-memory-space';

/**
 * CMSSW's `device::Event`: the event as an alpaka module sees it during one invocation. `queue()` is the
 * invocation's queue (taken on first use, which is what makes the framework record an event afterwards); gets
 * through device tokens come back synchronised with their producers' work; puts through device tokens are
 * wrapped with the invocation's metadata on accelerators. Host tokens work as on the plain Event.
 */
export class Event {
  readonly #event: HostEvent;
  #metadata: EDMetadata;
  #queueUsed = false;

  /** Made by the framework, once per module and stream, and pointed at each invocation's metadata. */
  constructor(event: HostEvent, metadata: EDMetadata) {
    this.#event = event;
    this.#metadata = metadata;
  }

  /** The framework starts an invocation (a fresh metadata; the queue not used yet). */
  startInvocation(metadata: EDMetadata): void {
    this.#metadata = metadata;
    this.#queueUsed = false;
  }

  get metadata(): EDMetadata {
    return this.#metadata;
  }

  /** Whether the module asked for the queue in this invocation (CMSSW's wasQueueUsed). */
  get queueUsed(): boolean {
    return this.#queueUsed;
  }

  id(): EventID {
    return this.#event.id();
  }

  streamID(): number {
    return this.#event.streamID();
  }

  time(): bigint {
    return this.#event.time();
  }

  /** The device the invocation runs on (the EDM stream's). */
  device(): Device {
    return this.#metadata.device;
  }

  /** The invocation's queue; all work on this event's device products goes through it. */
  queue(): Queue {
    this.#queueUsed = true;
    return this.#metadata.queue();
  }

  get<T>(token: EDGetToken<T> | HostEDGetToken<T>): T {
    if (token instanceof EDGetToken) return this.#synchronized(token, this.#event.get(token.hostToken)) as T;
    return this.#event.get(token);
  }

  getHandle<T>(token: EDGetToken<T> | HostEDGetToken<T>): Handle<T> {
    if (!(token instanceof EDGetToken)) return this.#event.getHandle(token);
    const handle = this.#event.getHandle(token.hostToken);
    if (!handle.isValid()) return handle as unknown as Handle<T>;
    return new Handle<T>(this.#synchronized(token, handle.product()) as T, undefined);
  }

  put<T>(token: EDPutToken<T> | HostEDPutToken<T>, product: T): void {
    if (!(token instanceof EDPutToken)) {
      this.#event.put(token, product);
      return;
    }
    const expected = token.wrapped ? token.productType.device : token.productType.host;
    if (typeof expected === 'function' && !(product instanceof expected)) {
      throw wrongMemorySpaceError(token, product, expected, this.#metadata.runtime.name);
    }
    this.#event.put(token.hostToken, token.wrapped ? this.#wrap(product) : product);
  }

  /** CMSSW's emplace: constructs the token's product class (of this backend's memory space) and puts it. */
  emplace<T>(token: EDPutToken<T> | HostEDPutToken<T>, ...constructorArguments: unknown[]): T {
    if (!(token instanceof EDPutToken)) return this.#event.emplace(token, ...constructorArguments);
    const type = token.wrapped ? token.productType.device : token.productType.host;
    // A named type has no class to construct: the plain Event's emplace says so.
    if (typeof type !== 'function') return this.#event.emplace(token.hostToken as HostEDPutToken<T>);
    const product = new (type as new (...args: unknown[]) => T)(...constructorArguments);
    this.put(token, product);
    return product;
  }

  #wrap(product: unknown): DeviceProduct {
    return new DeviceProduct(this.#metadata, product);
  }

  #synchronized(token: EDGetToken, product: unknown): unknown {
    if (!token.wrapped) return product;
    return (product as DeviceProduct).getSynchronized(this.#metadata);
  }
}
