import type { Device } from '@alpaka-ts/interface';
import { FrameworkError } from '../errors/framework-error';
import { type NamedProductType, namedProductType, type ProductType, productTypeName } from '../modules/product-type';

/**
 * CMSSW's `ESDeviceProduct<T>`: an EventSetup product made once per device of the backend (by an alpaka
 * ESProducer's device `produce`, or by the implicit copy of a host product), reached by the device of the
 * module that reads it.
 */
export class ESDeviceProduct<T = unknown> {
  readonly #byDevice: Map<Device, T>;

  constructor(byDevice: ReadonlyMap<Device, T>) {
    this.#byDevice = new Map(byDevice);
  }

  /** The product of one device (CMSSW's `get(device)`). */
  get(device: Device): T {
    const product = this.#byDevice.get(device);
    if (product === undefined) {
      throw new FrameworkError(
        'LogicError',
        `This EventSetup device product has no data for ${device}; it holds data for ${[...this.#byDevice.keys()].map(String).join(', ')}.`,
      );
    }
    return product;
  }

  /** The devices it holds data for. */
  devices(): Device[] {
    return [...this.#byDevice.keys()];
  }
}

/** The EventSetup type of the per-device form of a product type (CMSSW's `ESDeviceProduct<T>`). */
export function esDeviceProductType(device: ProductType): NamedProductType<ESDeviceProduct> {
  return namedProductType<ESDeviceProduct>(`ESDeviceProduct<${productTypeName(device)}>`);
}
