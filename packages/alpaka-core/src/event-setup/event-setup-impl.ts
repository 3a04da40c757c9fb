import type { ESGetToken } from './es-get-token';
import type { ESTokenResolver } from './es-product-resolver';
import type { EventSetup, EventSetupSyncValue } from './event-setup-provider';
import { type EventSetupRecordImpl, productDone } from './event-setup-record-impl';
import type { EventSetupRecordKey } from './event-setup-record-key';
import { noRecordException } from './no-record-exception';

/** The provider side an EventSetupImpl needs: tokens to resolvers, record keys to indices. */
export interface EventSetupImplOwner extends ESTokenResolver {
  recordIndexOf(record: EventSetupRecordKey): number;
}

const noop = (): void => {};

/**
 * CMSSW's EventSetupImpl: the EventSetup of the events whose records are in these IOVs. The provider makes one
 * when an IOV changes and hands the same object to every event until the next change, so the per-module
 * `prefetch` of products already made is a loop of lookups that returns undefined (no promise, no allocation).
 */
export class EventSetupImpl implements EventSetup {
  readonly #owner: EventSetupImplOwner;
  /** Per record index, the record for these IOVs (undefined: no valid IOV). */
  readonly #records: readonly (EventSetupRecordImpl | undefined)[];
  /**
   * The latest event given this EventSetup, for the NoRecord message. Shared objects are shared by events of
   * the same IOVs, so with several streams the message may name another event of the same IOVs.
   */
  syncValue: EventSetupSyncValue;

  constructor(
    owner: EventSetupImplOwner,
    records: readonly (EventSetupRecordImpl | undefined)[],
    syncValue: EventSetupSyncValue,
  ) {
    this.#owner = owner;
    this.#records = records;
    this.syncValue = syncValue;
  }

  prefetch(tokens: readonly ESGetToken[]): Promise<void> | undefined {
    let first: Promise<void> | undefined;
    let waits: Promise<void>[] | undefined;
    for (let index = 0; index < tokens.length; index++) {
      const resolved = this.#owner.resolveToken(tokens[index] as ESGetToken);
      const record = resolved.recordIndex < 0 ? undefined : this.#records[resolved.recordIndex];
      const resolver = resolved.resolver;
      // As CMSSW's esPrefetchAsync: a token no record or module can deliver is skipped here and get() throws
      // why, so a module may consume data that is not always there. Two modules matching one token is still a
      // configuration error.
      if (record === undefined || (resolver === undefined && resolved.ambiguous !== true)) continue;
      if (resolver === undefined) {
        if (first !== undefined) first.then(undefined, noop);
        if (waits !== undefined) for (const wait of waits) wait.then(undefined, noop);
        return Promise.reject(resolved.failure());
      }
      if (record.states[resolver.slot] === productDone) continue;
      const wait = resolver.prefetch(record);
      if (wait === undefined) continue;
      if (first === undefined) first = wait;
      else if (waits === undefined) waits = [first, wait];
      else waits.push(wait);
    }
    return waits === undefined ? first : Promise.all(waits).then(noop);
  }

  get<T>(token: ESGetToken<T>): T {
    const resolved = this.#owner.resolveToken(token);
    const record = resolved.recordIndex < 0 ? undefined : this.#records[resolved.recordIndex];
    if (record === undefined) throw noRecordException(token.record.recordName, this.syncValue, resolved.knownRecord);
    if (resolved.resolver === undefined) throw resolved.failure();
    return resolved.resolver.valueIn(record) as T;
  }

  hasRecord(record: EventSetupRecordKey): boolean {
    const index = this.#owner.recordIndexOf(record);
    return index >= 0 && this.#records[index] !== undefined;
  }

  /** The record for these IOVs (what the alpaka layer's device::EventSetup wraps), if it has a valid IOV. */
  recordOf(record: EventSetupRecordKey): EventSetupRecordImpl | undefined {
    const index = this.#owner.recordIndexOf(record);
    return index < 0 ? undefined : this.#records[index];
  }
}
