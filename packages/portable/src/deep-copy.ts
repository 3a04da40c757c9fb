import { InvalidArgumentError, memcpy, type Queue, sameLayout } from '@alpaka-ts/interface';
import { PortableDeviceCollection } from './device-collection';
import { PortableHostCollection } from './host-collection';
import { PortableDeviceMultiCollection, PortableHostMultiCollection } from './multi-collection';
import { PortableDeviceObject, PortableHostObject } from './objects';
import { sameStruct } from './struct-schema';

type Collection = PortableHostCollection | PortableDeviceCollection;
type MultiCollection = PortableHostMultiCollection | PortableDeviceMultiCollection;
type PortableObject = PortableHostObject | PortableDeviceObject;
type Product = Collection | MultiCollection | PortableObject;

const isCollection = (product: Product): product is Collection =>
  product instanceof PortableHostCollection || product instanceof PortableDeviceCollection;
const isMulti = (product: Product): product is MultiCollection =>
  product instanceof PortableHostMultiCollection || product instanceof PortableDeviceMultiCollection;
const isObject = (product: Product): product is PortableObject =>
  product instanceof PortableHostObject || product instanceof PortableDeviceObject;

/** Why two products cannot be copied into each other, or undefined when they can. */
function mismatch(destination: Product, source: Product): string | undefined {
  if (isCollection(destination) && isCollection(source)) {
    if (!sameLayout(destination.schema, source.schema))
      return `the layouts differ ('${destination.schema.name}' and '${source.schema.name}')`;
    if (destination.size !== source.size) return `the sizes differ (${destination.size} and ${source.size} elements)`;
    return undefined;
  }
  if (isMulti(destination) && isMulti(source)) {
    const same =
      destination.schemas.length === source.schemas.length &&
      destination.schemas.every((schema, index) => sameLayout(schema, source.schemas[index] ?? schema)) &&
      destination.sizes.every((size, index) => size === source.sizes[index]);
    return same ? undefined : 'their layouts or sizes differ';
  }
  if (isObject(destination) && isObject(source))
    return sameStruct(destination.schema, source.schema) ? undefined : 'the structs differ';
  return `a ${source.constructor.name} cannot be copied into a ${destination.constructor.name}`;
}

/**
 * Copies every byte of one portable product into another of the same layout and size (CMSSW's deepCopy), on
 * any pair of memories: host and device in either direction, or two of one kind. With a queue the copy is one
 * memcpy in queue order; without one both products must be in host memory and the copy happens now.
 */
export function deepCopy(destination: Product, source: Product, queue?: Queue): void {
  const reason = mismatch(destination, source);
  if (reason) throw new InvalidArgumentError(`deepCopy: ${reason}.`);
  if (destination === source) return;
  if (queue) {
    memcpy(queue, destination.buffer, source.buffer);
    return;
  }
  if (!destination.buffer.device.isHost || !source.buffer.device.isHost) {
    throw new InvalidArgumentError(
      'deepCopy: a device product is copied in queue order; pass the queue: deepCopy(destination, source, queue).',
    );
  }
  destination.buffer.hostArray().set(source.buffer.hostArray());
}
