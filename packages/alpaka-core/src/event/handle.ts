import type { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's edm::Handle<T>: the result of `getHandle`. An invalid handle (the product is absent) keeps the error
 * and throws it only when the product is dereferenced, so a module may test `isValid()` first.
 */
export class Handle<T> {
  readonly #product: T | undefined;
  readonly #whyFailed: (() => FrameworkError) | undefined;

  constructor(product: T | undefined, whyFailed: (() => FrameworkError) | undefined) {
    this.#product = product;
    this.#whyFailed = whyFailed;
  }

  isValid(): boolean {
    return this.#whyFailed === undefined;
  }

  failedToGet(): boolean {
    return this.#whyFailed !== undefined;
  }

  /** The product; throws ProductNotFound (8006) when the handle is invalid. */
  product(): T {
    if (this.#whyFailed !== undefined) throw this.#whyFailed();
    return this.#product as T;
  }

  /** Same as product(), as C++'s `*handle`. */
  get value(): T {
    return this.product();
  }

  /** The error an invalid handle throws when dereferenced (undefined when valid). */
  whyFailed(): FrameworkError | undefined {
    return this.#whyFailed?.();
  }
}
