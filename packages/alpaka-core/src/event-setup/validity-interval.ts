import type { EventSetupSyncValue } from './event-setup-provider';
import { compareIOVSyncValues, compareToEvent, IOVSyncValue } from './iov-sync-value';

/**
 * CMSSW's edm::ValidityInterval: the interval of validity (IOV) of a record, from `first` to `last` inclusive.
 * The invalid interval (both ends IOVSyncValue.invalid) is what a finder answers for a sync value it does not
 * cover, such as an event before the first IOV starts.
 */
export class ValidityInterval {
  readonly first: IOVSyncValue;
  readonly last: IOVSyncValue;

  constructor(first: IOVSyncValue, last: IOVSyncValue) {
    this.first = first;
    this.last = last;
    Object.freeze(this);
  }

  static readonly invalid: ValidityInterval = new ValidityInterval(IOVSyncValue.invalid, IOVSyncValue.invalid);

  isValid(): boolean {
    return this.first !== IOVSyncValue.invalid;
  }

  /** Whether the event's sync value lies in the interval (never for the invalid interval). */
  validFor(syncValue: EventSetupSyncValue): boolean {
    return this.isValid() && compareToEvent(this.first, syncValue) <= 0 && compareToEvent(this.last, syncValue) >= 0;
  }

  /**
   * The intersection (the latest start, the earliest end), as DependentRecordIntervalFinder makes a dependent
   * record's IOV from its parents'. Invalid when either is, or when they do not overlap.
   */
  intersect(other: ValidityInterval): ValidityInterval {
    if (!this.isValid() || !other.isValid()) return ValidityInterval.invalid;
    const first = compareIOVSyncValues(this.first, other.first) >= 0 ? this.first : other.first;
    const last = compareIOVSyncValues(this.last, other.last) <= 0 ? this.last : other.last;
    if (compareIOVSyncValues(first, last) > 0) return ValidityInterval.invalid;
    if (first === this.first && last === this.last) return this;
    if (first === other.first && last === other.last) return other;
    return new ValidityInterval(first, last);
  }

  equals(other: ValidityInterval): boolean {
    return (
      this === other ||
      (compareIOVSyncValues(this.first, other.first) === 0 &&
        compareIOVSyncValues(this.last, other.last) === 0 &&
        this.isValid() === other.isValid())
    );
  }

  toString(): string {
    return this.isValid() ? `[${this.first}, ${this.last}]` : 'invalid';
  }
}
