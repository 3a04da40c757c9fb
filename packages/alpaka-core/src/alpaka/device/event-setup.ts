import type { Device } from '@alpaka-ts/interface';
import type { ESGetToken as HostESGetToken } from '../../event-setup/es-get-token';
import type { EventSetup as HostEventSetup } from '../../event-setup/event-setup-provider';
import type { EventSetupRecordKey } from '../../event-setup/event-setup-record-key';
import type { ESDeviceProduct } from '../es-device-product';
import { ESGetToken } from './es-get-token';

/**
 * CMSSW's `device::EventSetup`: the EventSetup with the device of the invocation, so device tokens give that
 * device's data. Host tokens give host products, as on the plain EventSetup.
 */
export class EventSetup {
  #eventSetup: HostEventSetup;
  #device: Device;

  constructor(eventSetup: HostEventSetup, device: Device) {
    this.#eventSetup = eventSetup;
    this.#device = device;
  }

  /** The framework points it at each invocation's EventSetup and device. */
  startInvocation(eventSetup: HostEventSetup, device: Device): void {
    this.#eventSetup = eventSetup;
    this.#device = device;
  }

  device(): Device {
    return this.#device;
  }

  get<T>(token: ESGetToken<T> | HostESGetToken<T>): T {
    if (!(token instanceof ESGetToken)) return this.#eventSetup.get(token);
    const product = this.#eventSetup.get(token.hostToken);
    return (token.perDevice ? (product as ESDeviceProduct<T>).get(this.#device) : product) as T;
  }

  hasRecord(record: EventSetupRecordKey): boolean {
    return this.#eventSetup.hasRecord(record);
  }
}
