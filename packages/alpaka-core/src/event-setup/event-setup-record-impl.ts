import { FrameworkError } from '../errors/framework-error';
import type { ESGetToken } from './es-get-token';
import type { ESTokenResolver } from './es-product-resolver';
import type { EventSetupRecord } from './event-setup-record';
import type { EventSetupRecordKey } from './event-setup-record-key';
import type { ValidityInterval } from './validity-interval';

/** Where a product of a record stands in one IOV. */
export const productNotStarted = 0;
export const productRunning = 1;
export const productDone = 2;
export const productFailed = 3;

/**
 * CMSSW's EventSetupRecordImpl: one record for one IOV, holding the products made for that IOV (one slot per
 * ESProducer production of the record, in the order the provider numbered them). A new one is made whenever
 * the record's IOV changes, or a parent's does, so products made for an old IOV stay with the events still
 * using it while events of the new IOV get new ones; nothing is cleared in place.
 */
export class EventSetupRecordImpl implements EventSetupRecord {
  readonly key: EventSetupRecordKey;
  /** The record's position in the provider, which tokens resolve to. */
  readonly index: number;
  readonly validityInterval: ValidityInterval;
  /** The parents' records for the same events (DependentRecordImplementation). */
  readonly parents: readonly EventSetupRecordImpl[];
  readonly states: Uint8Array;
  readonly values: unknown[];
  /** While a product is being made asynchronously: the promise every waiter shares. */
  readonly pending: (Promise<void> | undefined)[];
  readonly errors: (FrameworkError | undefined)[];
  readonly #tokens: ESTokenResolver;

  constructor(
    key: EventSetupRecordKey,
    index: number,
    validityInterval: ValidityInterval,
    parents: readonly EventSetupRecordImpl[],
    productCount: number,
    tokens: ESTokenResolver,
  ) {
    this.key = key;
    this.index = index;
    this.validityInterval = validityInterval;
    this.parents = parents;
    this.states = new Uint8Array(productCount);
    this.values = new Array<unknown>(productCount).fill(undefined);
    this.pending = new Array<Promise<void> | undefined>(productCount).fill(undefined);
    this.errors = new Array<FrameworkError | undefined>(productCount).fill(undefined);
    this.#tokens = tokens;
  }

  /** This record or the ancestor with that index, if it is one. */
  recordFor(index: number): EventSetupRecordImpl | undefined {
    if (index === this.index) return this;
    for (const parent of this.parents) {
      const found = parent.recordFor(index);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  get<T>(token: ESGetToken<T>): T {
    const resolved = this.#tokens.resolveToken(token);
    const record = resolved.recordIndex < 0 ? undefined : this.recordFor(resolved.recordIndex);
    if (record === undefined) {
      throw new FrameworkError(
        'LogicError',
        `The record "${this.key.recordName}" does not depend on record "${token.record.recordName}", so its products cannot be read from it.`,
      );
    }
    if (resolved.resolver === undefined) throw resolved.failure();
    return resolved.resolver.valueIn(record) as T;
  }

  get recordName(): string {
    return this.key.recordName;
  }
}
