import { type Buffer, memcpy, type Queue, registerCopyToDevice, registerCopyToHost } from '@alpaka-ts/interface';
import {
  TestDeviceCollection,
  TestDeviceMultiCollection2,
  TestDeviceMultiCollection3,
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from './test-collections';
import { TestDeviceObject, TestHostObject } from './test-objects';

type Product = { readonly buffer: Buffer };
type ProductClass<P extends Product> = abstract new (...args: never[]) => P;

/**
 * CopyToHost and CopyToDevice for one pair of twins: one memcpy of the whole buffer into the twin made on the
 * queue. The portable package's copies would work byte-wise but give back its base classes, which are not the
 * types consumers of these products ask for.
 */
function registerTwins<Device extends Product, Host extends Product>(
  deviceClass: ProductClass<Device>,
  hostClass: ProductClass<Host>,
  hostTwin: (source: Device, queue: Queue) => Host,
  deviceTwin: (source: Host, queue: Queue) => Device,
): void {
  registerCopyToHost(deviceClass, {
    copyAsync: (queue, source) => {
      const copy = hostTwin(source, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
    hostType: hostClass,
  });
  registerCopyToDevice(hostClass, {
    copyAsync: (queue, source) => {
      const copy = deviceTwin(source, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
    deviceType: deviceClass,
  });
}

const pair = <T>(sizes: readonly number[]) => sizes as unknown as T;
let registered = false;

/** Registers the copies of the test collections and objects; idempotent, run when the package is loaded. */
export function registerTestCopies(): void {
  if (registered) return;
  registered = true;
  registerTwins(
    TestDeviceCollection,
    TestHostCollection,
    (source, queue) => new TestHostCollection(source.size, queue),
    (source, queue) => new TestDeviceCollection(source.size, queue),
  );
  registerTwins(
    TestDeviceMultiCollection2,
    TestHostMultiCollection2,
    (source, queue) => new TestHostMultiCollection2(pair(source.sizes), queue),
    (source, queue) => new TestDeviceMultiCollection2(pair(source.sizes), queue),
  );
  registerTwins(
    TestDeviceMultiCollection3,
    TestHostMultiCollection3,
    (source, queue) => new TestHostMultiCollection3(pair(source.sizes), queue),
    (source, queue) => new TestDeviceMultiCollection3(pair(source.sizes), queue),
  );
  registerTwins(
    TestDeviceObject,
    TestHostObject,
    (_source, queue) => new TestHostObject(queue),
    (_source, queue) => new TestDeviceObject(queue),
  );
}
