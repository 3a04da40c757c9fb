import { registerPortableCopies } from './copies';

// The copies are registered when the package is loaded, as CMSSW's plugin registration does.
registerPortableCopies();

export { registerPortableCopies, registerTwinCopies } from './copies';
export { deepCopy } from './deep-copy';
export { collectionFor, PortableDeviceCollection } from './device-collection';
export { PortableHostCollection } from './host-collection';
export { PortableDeviceMultiCollection, PortableHostMultiCollection } from './multi-collection';
export { objectFor, PortableDeviceObject, PortableHostObject } from './objects';
export { PortableProduct, ProductMovedError } from './portable-product';
export {
  deserialiseCollection,
  type SerialisedHeader,
  serialisationMagic,
  serialisationVersion,
  serialiseCollection,
} from './serialisation';
export {
  deserialiseMultiCollection,
  deserialiseObject,
  multiCollectionMagic,
  objectMagic,
  type SerialisedMultiHeader,
  type SerialisedObjectHeader,
  serialiseMultiCollection,
  serialiseObject,
} from './serialise-products';
export { defineStruct, type StructSchema, sameStruct } from './struct-schema';
