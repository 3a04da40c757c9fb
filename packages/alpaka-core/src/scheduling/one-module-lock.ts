/**
 * What makes an edm::one module's calls one at a time. Synchronous calls cannot overlap on one JavaScript
 * thread; an asynchronous call (a returned promise, an acquire waiting on its holder) holds the lock until it
 * settles, and calls from other streams queue behind it.
 */
export class OneModuleLock {
  busy = false;
  readonly #waiting: Array<() => void> = [];

  /** Resolves when the lock is free and taken by the caller. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next();
    else this.busy = false;
  }
}
