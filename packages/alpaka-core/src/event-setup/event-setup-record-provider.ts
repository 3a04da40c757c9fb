import type { ProductType } from '../modules/product-type';
import type { ESProductResolver, ESTokenResolver } from './es-product-resolver';
import type { EventSetupSyncValue } from './event-setup-provider';
import { EventSetupRecordImpl } from './event-setup-record-impl';
import type { EventSetupRecordIntervalFinder } from './event-setup-record-interval-finder';
import type { EventSetupRecordKey } from './event-setup-record-key';
import { ValidityInterval } from './validity-interval';

/**
 * CMSSW's EventSetupRecordProvider (with DependentRecordIntervalFinder): for one record, the finders that give
 * its IOVs, its parents, and the resolvers of the products made into it. `update` moves it to the IOV of an
 * event: its own finders' interval (asked only when the current one no longer contains the event) intersected
 * with its parents'. A new EventSetupRecordImpl is made only when that changes, so products are made again
 * exactly when the record's IOV, or a parent's, changes.
 */
export class EventSetupRecordProvider {
  readonly key: EventSetupRecordKey;
  readonly index: number;
  readonly finders: EventSetupRecordIntervalFinder[] = [];
  readonly parents: EventSetupRecordProvider[] = [];
  /** Every resolver of the record in slot order. */
  readonly resolvers: ESProductResolver[] = [];
  readonly #resolversByType = new Map<ProductType, ESProductResolver[]>();
  #ownInterval: ValidityInterval = ValidityInterval.invalid;
  #updated = false;
  /** The record for the current event's IOV; undefined when it has no valid IOV. */
  current: EventSetupRecordImpl | undefined;
  /** Whether the last update changed `current`. */
  changed = false;
  readonly #tokens: ESTokenResolver;

  constructor(key: EventSetupRecordKey, index: number, tokens: ESTokenResolver) {
    this.key = key;
    this.index = index;
    this.#tokens = tokens;
  }

  addResolver(resolver: ESProductResolver): void {
    this.resolvers.push(resolver);
    const type = resolver.production.productType;
    let list = this.#resolversByType.get(type);
    if (list === undefined) {
      list = [];
      this.#resolversByType.set(type, list);
    }
    list.push(resolver);
  }

  resolversOf(type: ProductType): readonly ESProductResolver[] {
    return this.#resolversByType.get(type) ?? [];
  }

  /** Whether an ES module delivers this record (or IOVs for it, or for the records it depends on). */
  isDelivered(): boolean {
    return this.finders.length > 0 || this.resolvers.length > 0 || this.parents.some((parent) => parent.isDelivered());
  }

  /** Forgets the current IOV and its products. */
  reset(): void {
    this.#ownInterval = ValidityInterval.invalid;
    this.#updated = false;
    this.current = undefined;
    this.changed = false;
  }

  /** Moves to the IOV containing the sync value; parents must have been updated first. */
  update(syncValue: EventSetupSyncValue): void {
    let ownChanged = false;
    const finders = this.finders;
    if (finders.length > 0 && !this.#ownInterval.validFor(syncValue)) {
      let interval = (finders[0] as EventSetupRecordIntervalFinder).findIntervalFor(this.key, syncValue);
      for (let index = 1; index < finders.length; index++) {
        interval = interval.intersect(
          (finders[index] as EventSetupRecordIntervalFinder).findIntervalFor(this.key, syncValue),
        );
      }
      if (!interval.equals(this.#ownInterval)) {
        this.#ownInterval = interval;
        ownChanged = true;
      }
    }
    let parentChanged = false;
    for (const parent of this.parents) if (parent.changed) parentChanged = true;
    if (!ownChanged && !parentChanged && this.#updated) {
      this.changed = false;
      return;
    }
    this.#updated = true;
    const previous = this.current;
    const interval = this.#combinedInterval();
    if (!interval.isValid()) {
      this.current = undefined;
      this.changed = previous !== undefined;
      return;
    }
    const parents: EventSetupRecordImpl[] = [];
    for (const parent of this.parents) parents.push(parent.current as EventSetupRecordImpl);
    this.current = new EventSetupRecordImpl(
      this.key,
      this.index,
      interval,
      parents,
      this.resolvers.length,
      this.#tokens,
    );
    this.changed = true;
  }

  #combinedInterval(): ValidityInterval {
    let interval: ValidityInterval | undefined = this.finders.length > 0 ? this.#ownInterval : undefined;
    for (const parent of this.parents) {
      const parentInterval = parent.current?.validityInterval ?? ValidityInterval.invalid;
      interval = interval === undefined ? parentInterval : interval.intersect(parentInterval);
    }
    return interval ?? ValidityInterval.invalid;
  }
}
