import type { EventID } from '../event/event-id';
import type { ESGetToken } from './es-get-token';
import type { EventSetupRecordKey } from './event-setup-record-key';

/**
 * The contract between the event processor (scheduling/) and the EventSetup (event-setup/): CMSSW's
 * EventSetupProvider and EventSetupImpl reduced to what the scheduler calls. The scheduler asks for the
 * EventSetup of each event's synchronisation value, then, before a module's acquire/produce/filter/analyze,
 * prefetches the products of that module's esConsumes tokens; the module then reads them with `get`.
 */
export interface EventSetupProvider {
  /** Called once before the first event: constructs and validates nothing more after this. */
  beginJob(): Promise<void>;
  /**
   * The EventSetup valid for this synchronisation value (IOVs found from the ESSources). Throws CMSSW's
   * missing-record error only when a product of a record without a valid IOV is prefetched.
   */
  eventSetupFor(syncValue: EventSetupSyncValue): EventSetup;
  endJob(): Promise<void>;
}

export interface EventSetupSyncValue {
  readonly eventID: EventID;
  /** CMSSW's edm::Timestamp (for time-based IOVs); 0n when the source gives none. */
  readonly time: bigint;
}

/** CMSSW's edm::EventSetup as a module sees it. */
export interface EventSetup {
  /**
   * Makes the products of these tokens available, running ESProducers lazily (at most once per IOV). Returns
   * undefined when everything is already there (the fast path: no promise per module per event), otherwise a
   * promise that settles when they are, or rejects with CMSSW's NoProductResolver/NoRecord error.
   */
  prefetch(tokens: readonly ESGetToken[]): Promise<void> | undefined;
  /** The product of a prefetched token; throws CMSSW's error when it could not be made. */
  get<T>(token: ESGetToken<T>): T;
  /** Whether the record has a valid IOV for this event. */
  hasRecord(record: EventSetupRecordKey): boolean;
}
