// @alpaka-ts/core/alpaka: CMSSW's HeterogeneousCore/AlpakaCore. Alpaka modules are written once and bound by the
// framework to the backend the job chooses (`Name@alpaka`, `alpaka_<backend>::Name`).

export { AlpakaBackendFilter } from './alpaka-backend-filter';
export { AlpakaBackendProducer } from './alpaka-backend-producer';
export { type AlpakaBackendRuntime, alpakaBackendRuntime, runtimeOfBackend } from './alpaka-backend-runtime';
export { AlpakaESConsumesCollector } from './alpaka-es-consumes-collector';
export { bindAlpakaModule, isAlpakaModuleClass } from './alpaka-module-binding';
export { AlpakaProducerBase as ProducerBase } from './alpaka-producer-base';
export {
  type AlpakaProductType,
  alpakaProductType,
  deviceProductType,
  isAlpakaProductType,
} from './alpaka-product-type';
export {
  type AllocatorSettings,
  type AlpakaServiceSettings,
  alpakaServiceDescription,
  alpakaServiceName,
  alpakaServiceSettings,
  defaultAlpakaService,
} from './alpaka-service';
export {
  Backend,
  type BackendIdentity,
  type BackendTypeName,
  backendIdentityOf,
  backendToString,
  registerBackendIdentity,
  toBackend,
} from './backend';
export { CopyToDeviceCache, type CopyToDeviceCacheOptions } from './copy-to-device-cache';
export * as device from './device/index';
export { DeviceProduct } from './device-product';
export { EDMetadata } from './ed-metadata';
export { ESDeviceProduct, esDeviceProductType } from './es-device-product';
export type { ESDeviceProduceFunction } from './es-device-production';
export { AlpakaESProducer as ESProducer } from './es-producer';
export { EventCache } from './event-cache';
export * as global from './global-modules';
export { makeSerialClone } from './make-serial-clone';
export { alpakaModuleDescription, modulePrevalidate } from './module-prevalidate';
export {
  builtInAlpakaBackends,
  ModuleTypeResolverAlpaka,
  resolveAlpakaModuleType,
  validAlpakaBackends,
} from './module-type-resolver-alpaka';
export { type AlpakaBackendOwner, MoveToDeviceCache } from './move-to-device-cache';
export { ProcessAcceleratorAlpaka, type ProcessAcceleratorAlpakaOptions } from './process-accelerator-alpaka';
export { QueueCache } from './queue-cache';
export * as stream from './stream-modules';
