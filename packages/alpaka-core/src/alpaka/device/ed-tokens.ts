import type { EDGetToken as HostEDGetToken, EDPutToken as HostEDPutToken } from '../../modules/ed-get-token';
import type { AlpakaProductType } from '../alpaka-product-type';

/**
 * CMSSW's `device::EDPutToken<T>`: what an alpaka module's `produces(alpakaProductType)` returns. `T` is the
 * product in the module's memory space. On host backends the event holds it as it is; on accelerators it is
 * wrapped in a DeviceProduct with the invocation's metadata (`wrapped`).
 */
export class EDPutToken<T = unknown> {
  readonly productType: AlpakaProductType;
  readonly hostToken: HostEDPutToken;
  readonly wrapped: boolean;

  constructor(productType: AlpakaProductType, hostToken: HostEDPutToken, wrapped: boolean) {
    this.productType = productType;
    this.hostToken = hostToken;
    this.wrapped = wrapped;
    Object.freeze(this);
  }

  get instance(): string {
    return this.hostToken.instance;
  }

  /** Phantom: carries T for type deduction; never read. */
  declare readonly __product?: T;
}

/**
 * CMSSW's `device::EDGetToken<T>`: what an alpaka module's `consumes(alpakaProductType, tag)` returns; a get
 * through it synchronises the consumer with the producer's work before handing out the data.
 */
export class EDGetToken<T = unknown> {
  readonly productType: AlpakaProductType;
  readonly hostToken: HostEDGetToken;
  readonly wrapped: boolean;

  constructor(productType: AlpakaProductType, hostToken: HostEDGetToken, wrapped: boolean) {
    this.productType = productType;
    this.hostToken = hostToken;
    this.wrapped = wrapped;
    Object.freeze(this);
  }

  /** Phantom: carries T for type deduction; never read. */
  declare readonly __product?: T;
}
