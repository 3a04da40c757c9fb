/**
 * An EventSetup record type (CMSSW's `EventSetupRecordImplementation<R>` subclasses, such as
 * `AlpakaESTestRecordA`), by name, with the records it depends on (`DependentRecordImplementation`). Records
 * are declared once with `defineRecord` (event-setup/) and compared by identity.
 */
export interface EventSetupRecordKey {
  readonly recordName: string;
  readonly dependsOn: readonly EventSetupRecordKey[];
}
