import { FrameworkError } from '../errors/framework-error';
import type { ComponentDescription } from './component-description';
import type { EventSetupSyncValue } from './event-setup-provider';
import { isEventSetupRecordKey } from './event-setup-record-implementation';
import type { EventSetupRecordKey } from './event-setup-record-key';
import type { ValidityInterval } from './validity-interval';

/**
 * CMSSW's EventSetupRecordIntervalFinder: what says, for a record it is declared to find (`findingRecord`), the
 * IOV that contains a synchronisation value (`setIntervalFor`). The provider asks only when the record's
 * current IOV no longer contains the event, so a finder need not cache.
 */
export abstract class EventSetupRecordIntervalFinder {
  readonly #records: EventSetupRecordKey[] = [];
  /** Set by the provider once the module is constructed; until then what the parameters say. */
  componentDescription: ComponentDescription = { type: '', label: '' };

  /** The records this finder delivers IOVs for. */
  findingForRecords(): readonly EventSetupRecordKey[] {
    return this.#records;
  }

  /** Declares a record this finder delivers IOVs for (CMSSW's findingRecord<R>()). */
  protected findingRecord(record: EventSetupRecordKey): void {
    if (!isEventSetupRecordKey(record)) {
      throw new FrameworkError(
        'Configuration',
        `findingRecord needs a record key from defineRecord, got ${record === null ? 'null' : typeof record}.`,
      );
    }
    if (!this.#records.includes(record)) this.#records.push(record);
  }

  /**
   * Called once every ES module is constructed and every record is declared (CMSSW's delaySettingRecords), for
   * finders that name their records by string, as EmptyESSource does.
   */
  delaySettingRecords(): void {}

  /** The IOV of `record` containing `syncValue`, or ValidityInterval.invalid. */
  findIntervalFor(record: EventSetupRecordKey, syncValue: EventSetupSyncValue): ValidityInterval {
    return this.setIntervalFor(record, syncValue);
  }

  protected abstract setIntervalFor(record: EventSetupRecordKey, syncValue: EventSetupSyncValue): ValidityInterval;
}
