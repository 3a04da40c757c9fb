import type { EDGetToken, EDPutToken } from '../modules/ed-get-token';
import type { EventID } from './event-id';
import type { EventPrincipal } from './event-principal';
import { Handle } from './handle';
import {
  getWithoutRegistrationError,
  nullPutError,
  productNotFoundError,
  secondPutError,
  unregisteredPutError,
} from './product-not-found';
import type { ProductRegistry } from './product-registry';

/** What the framework resolved for one module once, at schedule construction: its tokens and their slots. */
export interface ModuleProductAccess {
  readonly moduleLabel: string;
  readonly registry: ProductRegistry;
  readonly consumes: readonly EDGetToken[];
  /** First slot in lookup order per consumes index, -1 when nothing matches. */
  readonly getSlots: Int32Array;
  /** Further candidate slots (earlier processes) where there are several, else undefined. */
  readonly fallbackSlots: readonly (readonly number[] | undefined)[];
  readonly produces: readonly EDPutToken[];
  readonly putSlots: Int32Array;
}

/** The read side of an Event (what acquire and analyzers get: CMSSW's `Event const&`). */
export interface ConstEvent {
  id(): EventID;
  streamID(): number;
  time(): bigint;
  get<T>(token: EDGetToken<T>): T;
  getHandle<T>(token: EDGetToken<T>): Handle<T>;
}

/** The principal behind an Event, for the framework's own layers (the alpaka layer's device.Event); not exported. */
let principalOfEvent: (event: Event) => EventPrincipal;

/**
 * CMSSW's edm::Event as one module sees it: one object per module and stream, made at schedule construction
 * and reused for every event, so a get is a token check and an array index and a put an array store.
 */
export class Event implements ConstEvent {
  readonly #principal: EventPrincipal;
  readonly #access: ModuleProductAccess;

  static {
    principalOfEvent = (event) => event.#principal;
  }

  constructor(principal: EventPrincipal, access: ModuleProductAccess) {
    this.#principal = principal;
    this.#access = access;
  }

  id(): EventID {
    return this.#principal.eventID;
  }

  streamID(): number {
    return this.#principal.streamID;
  }

  /** CMSSW's edm::Timestamp of the event (0n when the source gives none). */
  time(): bigint {
    return this.#principal.time;
  }

  /** The product; throws ProductNotFound (8006) when it is absent. */
  get<T>(token: EDGetToken<T>): T {
    const product = this.#find(token);
    if (product === undefined) throw productNotFoundError(token);
    return product as T;
  }

  /** A Handle that is invalid when the product is absent and throws only when dereferenced. */
  getHandle<T>(token: EDGetToken<T>): Handle<T> {
    const product = this.#find(token);
    if (product === undefined) return new Handle<T>(undefined, () => productNotFoundError(token));
    return new Handle<T>(product as T, undefined);
  }

  /** Moves a product into the event (CMSSW's put of a unique_ptr); a second put of one product is refused. */
  put<T>(token: EDPutToken<T>, product: T): void {
    const access = this.#access;
    const index = token?.index;
    if (typeof index !== 'number' || access.produces[index] !== token) {
      throw unregisteredPutError(token, access.moduleLabel, access.registry.processName);
    }
    const slot = access.putSlots[index] as number;
    const products = this.#principal.products;
    if (products[slot] !== undefined) throw secondPutError(this.#branchName(slot));
    if (product === undefined || product === null) throw nullPutError(this.#branchName(slot));
    products[slot] = product;
  }

  /** CMSSW's emplace: constructs the token's product class with these arguments and puts it. */
  emplace<T>(token: EDPutToken<T>, ...constructorArguments: unknown[]): T {
    const type = token?.productType;
    if (typeof type !== 'function') {
      throw unregisteredPutError(token, this.#access.moduleLabel, this.#access.registry.processName).addAdditionalInfo(
        'emplace needs a token whose product type is a class; use put for a named type.',
      );
    }
    const product = new (type as new (...args: unknown[]) => T)(...constructorArguments);
    this.put(token, product);
    return product;
  }

  #find(token: EDGetToken): unknown {
    const access = this.#access;
    const index = token?.index;
    if (typeof index !== 'number' || access.consumes[index] !== token) {
      throw getWithoutRegistrationError(token, access.moduleLabel);
    }
    const products = this.#principal.products;
    const slot = access.getSlots[index] as number;
    if (slot < 0) return undefined;
    const product = products[slot];
    if (product !== undefined) return product;
    const fallbacks = access.fallbackSlots[index];
    if (fallbacks === undefined) return undefined;
    for (let i = 0; i < fallbacks.length; i++) {
      const other = products[fallbacks[i] as number];
      if (other !== undefined) return other;
    }
    return undefined;
  }

  #branchName(slot: number): string {
    return this.#access.registry.descriptions[slot]?.branchName ?? `slot ${slot}`;
  }
}

/** The EventPrincipal an Event reads and writes (for the framework's layers, not for modules). */
export const eventPrincipalOf = (event: Event): EventPrincipal => principalOfEvent(event);
