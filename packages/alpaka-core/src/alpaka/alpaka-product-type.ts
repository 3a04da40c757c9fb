import { FrameworkError } from '../errors/framework-error';
import {
  isProductType,
  type NamedProductType,
  namedProductType,
  type ProductType,
  productTypeName,
} from '../modules/product-type';

const alpakaProductTypeBrand: unique symbol = Symbol('alpaka-core.alpakaProductType') as never;

/**
 * What an alpaka module names where CMSSW writes `PortableCollection<TestSoA>` in the accelerator namespace: the
 * type of a product in the module's memory space, which is the host type on host backends (serial_sync, where
 * CMSSW's alias is the host collection) and the device type on accelerators. TypeScript has no per-backend
 * compilation, so both are named and the framework picks one when the module is bound to its backend.
 */
export interface AlpakaProductType<Host = unknown, OnDevice = unknown> {
  readonly [alpakaProductTypeBrand]: true;
  readonly host: ProductType<Host>;
  readonly device: ProductType<OnDevice>;
}

/** The pair of types of one product: its host form and its device form (the same type when it has only one). */
export function alpakaProductType<Host, OnDevice = Host>(
  host: ProductType<Host>,
  device?: ProductType<OnDevice>,
): AlpakaProductType<Host, OnDevice> {
  const deviceType = (device ?? host) as ProductType<OnDevice>;
  if (!isProductType(host) || !isProductType(deviceType)) {
    throw new FrameworkError(
      'LogicError',
      'alpakaProductType(host, device) takes product types: classes, or namedProductType(name).',
    );
  }
  return Object.freeze({ [alpakaProductTypeBrand]: true as const, host, device: deviceType });
}

export function isAlpakaProductType(value: unknown): value is AlpakaProductType {
  return typeof value === 'object' && value !== null && alpakaProductTypeBrand in value;
}

/**
 * The type the event holds for a device product on an asynchronous backend (CMSSW's `edm::DeviceProduct<T>`):
 * a named type per device type, so consumers and the implicit copies find it by name.
 */
export function deviceProductType(device: ProductType): NamedProductType {
  return namedProductType(`edm::DeviceProduct<${productTypeName(device)}>`);
}
