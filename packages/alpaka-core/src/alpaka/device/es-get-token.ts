import type { ESGetToken as HostESGetToken } from '../../event-setup/es-get-token';
import { DeviceToken } from './device-token';

/**
 * CMSSW's `device::ESGetToken<T, R>`: what an alpaka module's `esConsumes(record, alpakaProductType)` returns.
 * On host backends it reads the host product itself; on accelerators the per-device product, and a get through
 * `device::EventSetup` returns the data of the invocation's device.
 */
export class ESGetToken<T = unknown> extends DeviceToken<HostESGetToken, T> {
  /** Whether the EventSetup holds one product per device (accelerators) rather than the host product itself. */
  get perDevice(): boolean {
    return this.wrapped;
  }
}
