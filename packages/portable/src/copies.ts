import { memcpy, registerCopyToDevice, registerCopyToHost } from '@alpaka-ts/interface';
import { PortableDeviceCollection } from './device-collection';
import { PortableHostCollection } from './host-collection';
import { PortableDeviceMultiCollection, PortableHostMultiCollection } from './multi-collection';
import { PortableDeviceObject, PortableHostObject } from './objects';

let registered = false;

/**
 * Registers CopyToHost for device collections and objects and CopyToDevice for host ones: one memcpy of the
 * whole buffer each way, into pinned memory of the queue's platform. On host backends copyToHost/copyToDevice
 * copy nothing (the interface's rule). Idempotent; the package's entry point calls it.
 */
export function registerPortableCopies(): void {
  if (registered) return;
  registered = true;
  registerCopyToHost(PortableDeviceCollection, {
    copyAsync(queue, source) {
      const copy = new PortableHostCollection(source.schema, source.size, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
  registerCopyToDevice(PortableHostCollection, {
    copyAsync(queue, source) {
      const copy = new PortableDeviceCollection(source.schema, source.size, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
  registerCopyToHost(PortableDeviceMultiCollection, {
    copyAsync(queue, source) {
      const copy = new PortableHostMultiCollection(source.schemas, source.sizes, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
  registerCopyToDevice(PortableHostMultiCollection, {
    copyAsync(queue, source) {
      const copy = new PortableDeviceMultiCollection(source.schemas, source.sizes, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
  registerCopyToHost(PortableDeviceObject, {
    copyAsync(queue, source) {
      const copy = new PortableHostObject(source.schema, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
  registerCopyToDevice(PortableHostObject, {
    copyAsync(queue, source) {
      const copy = new PortableDeviceObject(source.schema, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
  });
}
