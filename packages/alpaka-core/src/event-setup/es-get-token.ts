import type { ProductType } from '../modules/product-type';
import type { ESInputTag } from '../parameter-set/es-input-tag';
import type { EventSetupRecordKey } from './event-setup-record-key';

/** CMSSW's edm::Transition: which calls of a module an EventSetup token is prefetched for. */
export type Transition = 'Event' | 'BeginRun' | 'EndRun' | 'BeginLuminosityBlock' | 'EndLuminosityBlock';

/**
 * CMSSW's edm::ESGetToken<T, R>: what `esConsumes` returns and `EventSetup.get` takes: a product type in a
 * record, selected by an ESInputTag (module label, data label). `index` is its position among the module's
 * tokens, so the framework prefetches a module's EventSetup products in one pass.
 */
export class ESGetToken<T = unknown> {
  readonly record: EventSetupRecordKey;
  readonly productType: ProductType<T>;
  readonly tag: ESInputTag;
  readonly index: number;
  /** The transition whose calls read it (CMSSW's esConsumes<T, R, edm::Transition::BeginRun>); 'Event' by default. */
  readonly transition: Transition;

  constructor(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    tag: ESInputTag,
    index: number,
    transition: Transition = 'Event',
  ) {
    this.record = record;
    this.productType = productType;
    this.tag = tag;
    this.index = index;
    this.transition = transition;
    Object.freeze(this);
  }
}
