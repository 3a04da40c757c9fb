import type { ESGetToken as HostESGetToken } from '../../event-setup/es-get-token';
import type { AlpakaProductType } from '../alpaka-product-type';

/**
 * CMSSW's `device::ESGetToken<T, R>`: what an alpaka module's `esConsumes(record, alpakaProductType)` returns.
 * On host backends it reads the host product itself; on accelerators the per-device product, and a get through
 * `device::EventSetup` returns the data of the invocation's device.
 */
export class ESGetToken<T = unknown> {
  readonly productType: AlpakaProductType;
  readonly hostToken: HostESGetToken;
  readonly perDevice: boolean;

  constructor(productType: AlpakaProductType, hostToken: HostESGetToken, perDevice: boolean) {
    this.productType = productType;
    this.hostToken = hostToken;
    this.perDevice = perDevice;
    Object.freeze(this);
  }

  /** Phantom: carries T for type deduction; never read. */
  declare readonly __product?: T;
}
