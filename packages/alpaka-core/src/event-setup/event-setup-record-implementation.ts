import { FrameworkError } from '../errors/framework-error';
import type { EventSetupRecordKey } from './event-setup-record-key';

/**
 * CMSSW's EventSetupRecordImplementation<R> / DependentRecordImplementation<R, List> and the registry behind
 * `EVENTSETUP_RECORD_REG` / `EventSetupRecordKey::TypeTag::findType`: a record type is declared once, in the
 * module that defines it, and found again by name (EmptyESSource's `recordName`). Keys compare by identity.
 */
const recordsByName = new Map<string, EventSetupRecordKey>();
const definedRecords = new WeakSet<EventSetupRecordKey>();

export interface RecordDefinitionOptions {
  /** The records this one depends on (DependentRecordImplementation): its IOV is the intersection of theirs. */
  readonly dependsOn?: readonly EventSetupRecordKey[];
}

/**
 * Declares an EventSetup record type. Declaring the same name again with the same parents returns the same key
 * (a module imported twice); with other parents it is a Configuration error, since the name would mean two types.
 */
export function defineRecord(name: string, options: RecordDefinitionOptions = {}): EventSetupRecordKey {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_:]*$/.test(name)) {
    throw new FrameworkError(
      'Configuration',
      `defineRecord needs a record type name (letters, digits, '_' or '::', as a C++ class name), got ${JSON.stringify(name)}.`,
    );
  }
  const dependsOn = options.dependsOn ?? [];
  for (const parent of dependsOn) {
    if (!isEventSetupRecordKey(parent)) {
      throw new FrameworkError(
        'Configuration',
        `The record "${name}" depends on ${describeValue(parent)}, which is not a record: pass the keys defineRecord returned.`,
      );
    }
    if (parent.recordName === name) {
      throw new FrameworkError('Configuration', `The record "${name}" cannot depend on itself.`);
    }
  }
  const existing = recordsByName.get(name);
  if (existing !== undefined) {
    if (sameParents(existing.dependsOn, dependsOn)) return existing;
    throw new FrameworkError(
      'Configuration',
      `The record type "${name}" is already defined with the dependencies [${existing.dependsOn.map((record) => record.recordName).join(', ')}]; a second definition with [${dependsOn.map((record) => record.recordName).join(', ')}] would make the name mean two record types. Define it once and import it.`,
    );
  }
  const record: EventSetupRecordKey = Object.freeze({ recordName: name, dependsOn: Object.freeze([...dependsOn]) });
  recordsByName.set(name, record);
  definedRecords.add(record);
  return record;
}

/** CMSSW's `EventSetupRecordKey::TypeTag::findType(name)`: the record declared under this name, if any. */
export function findRecordType(name: string): EventSetupRecordKey | undefined {
  return recordsByName.get(name);
}

/** Every declared record name, sorted (for "did you mean" hints). */
export function knownRecordNames(): string[] {
  return [...recordsByName.keys()].sort();
}

/** Whether a value is a record key made by defineRecord. */
export function isEventSetupRecordKey(value: unknown): value is EventSetupRecordKey {
  return typeof value === 'object' && value !== null && definedRecords.has(value as EventSetupRecordKey);
}

/** Whether `record` is `ancestor` or depends on it, directly or through its parents. */
export function recordDependsOn(record: EventSetupRecordKey, ancestor: EventSetupRecordKey): boolean {
  if (record === ancestor) return true;
  return record.dependsOn.some((parent) => recordDependsOn(parent, ancestor));
}

function sameParents(a: readonly EventSetupRecordKey[], b: readonly EventSetupRecordKey[]): boolean {
  return a.length === b.length && a.every((record, index) => record === b[index]);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object' && typeof (value as { recordName?: unknown }).recordName === 'string') {
    return `an object named "${(value as { recordName: string }).recordName}" that defineRecord did not make`;
  }
  return `a ${typeof value}`;
}
