import { type Buffer, memcpy, type Queue, registerCopyToDevice, registerCopyToHost } from '@alpaka-ts/interface';
import {
  AlpakaESTestDataACMultiDevice,
  AlpakaESTestDataACMultiHost,
  AlpakaESTestDataADevice,
  AlpakaESTestDataAHost,
  AlpakaESTestDataCDevice,
  AlpakaESTestDataCHost,
  AlpakaESTestDataDDevice,
  AlpakaESTestDataDHost,
} from './alpaka-es-test-data';
import { AlpakaESTestDataBDevice, AlpakaESTestDataBHost, copyAlpakaESTestDataBToDevice } from './alpaka-es-test-data-b';
import { AlpakaESTestDataEDevice, AlpakaESTestDataEHost, copyAlpakaESTestDataEToDevice } from './alpaka-es-test-data-e';

type Product = { readonly buffer: Buffer };
type ProductClass<P extends Product> = abstract new (...args: never[]) => P;

/**
 * The copies of one host/device pair of ES collections: one memcpy of the whole buffer into the twin made on
 * the queue. The host products reach devices through the alpaka ESProducer's implicit copy, which finds the
 * CopyToDevice by the host class and names the device product by its deviceType; the CopyToHost lets tests and
 * host modules read a device product back.
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

const pair = (sizes: readonly number[]) => sizes as unknown as readonly [number, number];
let registered = false;

/** Registers the copies of the EventSetup test data; idempotent, run when the package is loaded. */
export function registerESTestCopies(): void {
  if (registered) return;
  registered = true;
  registerTwins(
    AlpakaESTestDataADevice,
    AlpakaESTestDataAHost,
    (source, queue) => new AlpakaESTestDataAHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataADevice(source.size, queue),
  );
  registerTwins(
    AlpakaESTestDataCDevice,
    AlpakaESTestDataCHost,
    (source, queue) => new AlpakaESTestDataCHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataCDevice(source.size, queue),
  );
  registerTwins(
    AlpakaESTestDataDDevice,
    AlpakaESTestDataDHost,
    (source, queue) => new AlpakaESTestDataDHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataDDevice(source.size, queue),
  );
  registerTwins(
    AlpakaESTestDataACMultiDevice,
    AlpakaESTestDataACMultiHost,
    (source, queue) => new AlpakaESTestDataACMultiHost(pair(source.sizes), queue),
    (source, queue) => new AlpakaESTestDataACMultiDevice(pair(source.sizes), queue),
  );
  registerCopyToDevice(AlpakaESTestDataBHost, {
    copyAsync: copyAlpakaESTestDataBToDevice,
    deviceType: AlpakaESTestDataBDevice,
  });
  registerCopyToDevice(AlpakaESTestDataEHost, {
    copyAsync: copyAlpakaESTestDataEToDevice,
    deviceType: AlpakaESTestDataEDevice,
  });
}
