import type { EDGetToken, ESGetToken, ESInputTag, EventSetupRecordKey, InputTag, ProductType } from '@alpaka-ts/core';
import type { AlpakaProductType, device } from '@alpaka-ts/core/alpaka';

/**
 * CMSSW's edm::ConsumesCollector, which @alpaka-ts/core does not have: what a module hands to a helper class so
 * the helper declares its own consumes and esConsumes in the module's name. A module makes one from its
 * protected methods (`consumesCollectorOf` in each module).
 */
export interface ConsumesCollector {
  consumes<T>(type: ProductType<T>, tag: InputTag | string): EDGetToken<T>;
  consumes<Host, OnDevice>(
    type: AlpakaProductType<Host, OnDevice>,
    tag: InputTag | string,
  ): device.EDGetToken<Host | OnDevice>;
  esConsumes<T>(record: EventSetupRecordKey, type: ProductType<T>, tag?: ESInputTag | string): ESGetToken<T>;
  esConsumes<Host, OnDevice>(
    record: EventSetupRecordKey,
    type: AlpakaProductType<Host, OnDevice>,
    tag?: ESInputTag | string,
  ): device.ESGetToken<Host | OnDevice>;
}
