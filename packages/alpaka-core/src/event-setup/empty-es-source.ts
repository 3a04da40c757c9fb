import { FrameworkError } from '../errors/framework-error';
import { closestNames } from '../modules/module-registry';
import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';
import { ESSource } from './es-source';
import type { EventSetupSyncValue } from './event-setup-provider';
import { findRecordType, knownRecordNames } from './event-setup-record-implementation';
import type { EventSetupRecordKey } from './event-setup-record-key';
import { compareToEvent, IOVSyncValue } from './iov-sync-value';
import { ValidityInterval } from './validity-interval';

/**
 * CMSSW's EmptyESSource: gives the record named `recordName` IOVs without data. Each value of `firstValid`
 * starts an IOV (a run, or a timestamp when `iovIsRunNotTime` is false) that ends just before the next start,
 * or at the end of time after the last; sync values before the first start get the invalid interval.
 * `firstValid = [1]` is one IOV for the whole job, as the alpaka tests use.
 */
export class EmptyESSource extends ESSource {
  readonly recordName: string;
  readonly iovIsRunNotTime: boolean;
  /** The starts, sorted and without repeats (CMSSW keeps a std::set). */
  readonly starts: readonly number[];

  /** CMSSW's EmptyESSource::fillDescriptions: recordName and firstValid required, IOVs by run by default. */
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('recordName', 'string').setComment('The record the IOVs are for.');
    description.add('iovIsRunNotTime', 'bool', true).setComment('firstValid values are runs (true) or timestamps.');
    description.add('firstValid', 'vuint32').setComment('Each value starts an IOV, which lasts until the next.');
    descriptions.addDefault(description);
  }

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.recordName = parameters.getParameter<string>('recordName', 'string');
    this.iovIsRunNotTime = parameters.exists('iovIsRunNotTime')
      ? parameters.getParameter<boolean>('iovIsRunNotTime', 'bool')
      : true;
    const firstValid = parameters.getParameter<readonly number[]>('firstValid', 'vuint32');
    this.starts = [...new Set(firstValid)].sort((a, b) => a - b);
  }

  /** Records are declared by the modules that define them, so the name is resolved once all are loaded. */
  override delaySettingRecords(): void {
    const record = findRecordType(this.recordName);
    if (record === undefined) throw this.#unknownRecordError();
    this.findingRecord(record);
  }

  protected override setIntervalFor(_record: EventSetupRecordKey, syncValue: EventSetupSyncValue): ValidityInterval {
    // The last start at or before the sync value (std::set::equal_range, then one step back).
    let found = -1;
    for (let index = 0; index < this.starts.length; index++) {
      if (compareToEvent(this.#startAt(index), syncValue) > 0) break;
      found = index;
    }
    if (found < 0) return ValidityInterval.invalid;
    const next = this.starts[found + 1];
    const last =
      next === undefined
        ? IOVSyncValue.endOfTime
        : this.iovIsRunNotTime
          ? IOVSyncValue.lastEventBeforeRun(next)
          : IOVSyncValue.ofTime(BigInt(next) - 1n);
    return new ValidityInterval(this.#startAt(found), last);
  }

  #startAt(index: number): IOVSyncValue {
    const start = this.starts[index] ?? 0;
    return this.iovIsRunNotTime ? IOVSyncValue.ofRun(start) : IOVSyncValue.ofTime(BigInt(start));
  }

  #unknownRecordError(): FrameworkError {
    const suggestions = closestNames(this.recordName, knownRecordNames());
    const hint =
      suggestions.length > 0
        ? `\nThe closest declared records are: ${suggestions.map((name) => `"${name}"`).join(', ')}.`
        : '';
    return new FrameworkError(
      'Configuration',
      `The Record type named "${this.recordName}" could not be found. Please check the spelling.\n` +
        'If the spelling is fine, then no module in the job declares this Record (with defineRecord) and therefore EmptyESSource can not function.\n' +
        `In such a case please either remove the EmptyESSource with label '${this.componentDescription.label}' from your job or add a module which needs the Record to your job.${hint}`,
    );
  }
}
