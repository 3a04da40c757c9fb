import type { AlpakaProductType } from '../alpaka-product-type';

/**
 * What the device tokens share: the product's pair of types, the plain token the framework resolves (of the host
 * type on host backends, of the device form on accelerators), and whether the event or EventSetup holds the device
 * form (a DeviceProduct, or one product per device).
 */
export abstract class DeviceToken<HostToken, T> {
  readonly productType: AlpakaProductType;
  readonly hostToken: HostToken;
  readonly wrapped: boolean;

  constructor(productType: AlpakaProductType, hostToken: HostToken, wrapped: boolean) {
    this.productType = productType;
    this.hostToken = hostToken;
    this.wrapped = wrapped;
    Object.freeze(this);
  }

  /** Phantom: carries T for type deduction; never read. */
  declare readonly __product?: T;
}
