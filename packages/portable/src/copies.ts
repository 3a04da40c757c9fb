import { type Buffer, memcpy, type Queue, registerCopyToDevice, registerCopyToHost } from '@alpaka-ts/interface';
import { PortableDeviceCollection } from './device-collection';
import { PortableHostCollection } from './host-collection';
import { PortableDeviceMultiCollection, PortableHostMultiCollection } from './multi-collection';
import { PortableDeviceObject, PortableHostObject } from './objects';

type Product = { readonly buffer: Buffer };
type ProductClass<P extends Product> = abstract new (...args: never[]) => P;

/** The source's buffer first: a moved-from product is refused before its twin is allocated on the queue. */
function twinOf<S extends Product, P extends Product>(
  queue: Queue,
  source: S,
  twin: (source: S, queue: Queue) => P,
): P {
  const sourceBuffer = source.buffer;
  const copy = twin(source, queue);
  memcpy(queue, copy.buffer, sourceBuffer);
  return copy;
}

/**
 * Registers CopyToHost for a device product and CopyToDevice for its host twin: each makes the twin on the
 * queue (pinned for host twins) and copies the whole buffer into it. For products whose whole state is their
 * one buffer (collections, objects, and classes derived from them with their own product types).
 */
export function registerTwinCopies<Device extends Product, Host extends Product>(
  deviceClass: ProductClass<Device>,
  hostClass: ProductClass<Host>,
  hostTwin: (source: Device, queue: Queue) => Host,
  deviceTwin: (source: Host, queue: Queue) => Device,
): void {
  registerCopyToHost(deviceClass, {
    copyAsync: (queue, source) => twinOf(queue, source, hostTwin),
    hostType: hostClass,
  });
  registerCopyToDevice(hostClass, {
    copyAsync: (queue, source) => twinOf(queue, source, deviceTwin),
    deviceType: deviceClass,
  });
}

let registered = false;

/**
 * Registers CopyToHost for device collections and objects and CopyToDevice for host ones: one memcpy of the
 * whole buffer each way, into pinned memory of the queue's platform. On host backends copyToHost/copyToDevice
 * copy nothing (the interface's rule). Idempotent; the package's entry point calls it.
 */
export function registerPortableCopies(): void {
  if (registered) return;
  registered = true;
  registerTwinCopies(
    PortableDeviceCollection,
    PortableHostCollection,
    (source, queue) => new PortableHostCollection(source.schema, source.size, queue),
    (source, queue) => new PortableDeviceCollection(source.schema, source.size, queue),
  );
  registerTwinCopies(
    PortableDeviceMultiCollection,
    PortableHostMultiCollection,
    (source, queue) => new PortableHostMultiCollection(source.schemas, source.sizes, queue),
    (source, queue) => new PortableDeviceMultiCollection(source.schemas, source.sizes, queue),
  );
  registerTwinCopies(
    PortableDeviceObject,
    PortableHostObject,
    (source, queue) => new PortableHostObject(source.schema, queue),
    (source, queue) => new PortableDeviceObject(source.schema, queue),
  );
}
