import type { ESGetToken } from './es-get-token';
import type { EventSetupRecordKey } from './event-setup-record-key';
import type { ValidityInterval } from './validity-interval';

/**
 * CMSSW's edm::EventSetupRecord as an ESProducer's produce function sees it: the record for one IOV, from
 * which the producer reads the products it declared with its ESConsumesCollector (of this record or of a
 * record it depends on). The alpaka layer's device::Record wraps it and adds the queue.
 */
export interface EventSetupRecord {
  readonly key: EventSetupRecordKey;
  readonly validityInterval: ValidityInterval;
  /** The product of a token the producer declared; throws CMSSW's error when it could not be made. */
  get<T>(token: ESGetToken<T>): T;
}
