import { ESConsumesCollector } from '../event-setup/es-consumes-collector';
import type { ESGetToken as HostESGetToken } from '../event-setup/es-get-token';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import type { ProductType } from '../modules/product-type';
import type { ESInputTag } from '../parameter-set/es-input-tag';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { type AlpakaProductType, isAlpakaProductType } from './alpaka-product-type';
import { ESGetToken } from './device/es-get-token';
import { esDeviceProductType } from './es-device-product';

/**
 * What an alpaka ESProducer's `setWhatProduced` returns: the ESConsumesCollector of that production, through
 * which `consumes(alpakaProductType(Host, Device), tag)` gives a `device::ESGetToken` (the host product itself
 * on host backends, the per-device product on accelerators), read with `device::Record.get`. Host types give
 * plain tokens, as on the core collector it wraps (which holds the tokens the framework prefetches).
 */
export class AlpakaESConsumesCollector extends ESConsumesCollector {
  readonly #collector: ESConsumesCollector;
  readonly #runtime: AlpakaBackendRuntime;

  constructor(collector: ESConsumesCollector, runtime: AlpakaBackendRuntime) {
    super(collector.record, collector.toString());
    this.#collector = collector;
    this.#runtime = runtime;
  }

  override consumes<T>(productType: ProductType<T>, tag?: ESInputTag | string): HostESGetToken<T>;
  override consumes<Host, OnDevice>(
    productType: AlpakaProductType<Host, OnDevice>,
    tag?: ESInputTag | string,
  ): ESGetToken<Host | OnDevice>;
  override consumes(productType: ProductType | AlpakaProductType, tag?: ESInputTag | string): unknown {
    return this.#consumes(this.record, productType, tag);
  }

  override consumesFrom<T>(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    tag?: ESInputTag | string,
  ): HostESGetToken<T>;
  override consumesFrom<Host, OnDevice>(
    record: EventSetupRecordKey,
    productType: AlpakaProductType<Host, OnDevice>,
    tag?: ESInputTag | string,
  ): ESGetToken<Host | OnDevice>;
  override consumesFrom(
    record: EventSetupRecordKey,
    productType: ProductType | AlpakaProductType,
    tag?: ESInputTag | string,
  ): unknown {
    return this.#consumes(record, productType, tag);
  }

  override get tokens(): readonly HostESGetToken[] {
    return this.#collector.tokens;
  }

  override toString(): string {
    return this.#collector.toString();
  }

  #consumes(
    record: EventSetupRecordKey,
    productType: ProductType | AlpakaProductType,
    tag: ESInputTag | string | undefined,
  ): HostESGetToken | ESGetToken {
    if (!isAlpakaProductType(productType)) return this.#collector.consumesFrom(record, productType, tag);
    const direct = this.#runtime.productsAreHostProducts;
    const hostType = direct ? productType.host : esDeviceProductType(productType.device);
    return new ESGetToken(productType, this.#collector.consumesFrom(record, hostType, tag), !direct);
  }
}
