import { registerPortableCopies } from './copies';

// The copies are registered when the package is loaded, as CMSSW's plugin registration does.
registerPortableCopies();

export { registerPortableCopies } from './copies';
export { collectionFor, PortableDeviceCollection } from './device-collection';
export { PortableHostCollection } from './host-collection';
export { PortableDeviceMultiCollection, PortableHostMultiCollection } from './multi-collection';
export { objectFor, PortableDeviceObject, PortableHostObject } from './objects';
export { type LayoutLike, schemaOf } from './schema-of';
export {
  deserialiseCollection,
  type SerialisedHeader,
  serialisationMagic,
  serialisationVersion,
  serialiseCollection,
} from './serialisation';
export { defineStruct, type StructSchema } from './struct-schema';
