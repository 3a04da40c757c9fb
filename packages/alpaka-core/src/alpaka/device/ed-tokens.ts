import type { EDGetToken as HostEDGetToken, EDPutToken as HostEDPutToken } from '../../modules/ed-get-token';
import { DeviceToken } from './device-token';

/**
 * CMSSW's `device::EDPutToken<T>`: what an alpaka module's `produces(alpakaProductType)` returns. `T` is the
 * product in the module's memory space. On host backends the event holds it as it is; on accelerators it is
 * wrapped in a DeviceProduct with the invocation's metadata (`wrapped`).
 */
export class EDPutToken<T = unknown> extends DeviceToken<HostEDPutToken, T> {
  get instance(): string {
    return this.hostToken.instance;
  }
}

/**
 * CMSSW's `device::EDGetToken<T>`: what an alpaka module's `consumes(alpakaProductType, tag)` returns; a get
 * through it synchronises the consumer with the producer's work before handing out the data.
 */
export class EDGetToken<T = unknown> extends DeviceToken<HostEDGetToken, T> {}
