import { registerCopyToDevice } from '@alpaka-ts/interface';
import { registerTwinCopies } from '@alpaka-ts/portable';
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

const pair = (sizes: readonly number[]) => sizes as unknown as readonly [number, number];
let registered = false;

/** Registers the copies of the EventSetup test data; idempotent, run when the package is loaded. */
export function registerESTestCopies(): void {
  if (registered) return;
  registered = true;
  registerTwinCopies(
    AlpakaESTestDataADevice,
    AlpakaESTestDataAHost,
    (source, queue) => new AlpakaESTestDataAHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataADevice(source.size, queue),
  );
  registerTwinCopies(
    AlpakaESTestDataCDevice,
    AlpakaESTestDataCHost,
    (source, queue) => new AlpakaESTestDataCHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataCDevice(source.size, queue),
  );
  registerTwinCopies(
    AlpakaESTestDataDDevice,
    AlpakaESTestDataDHost,
    (source, queue) => new AlpakaESTestDataDHost(source.size, queue),
    (source, queue) => new AlpakaESTestDataDDevice(source.size, queue),
  );
  registerTwinCopies(
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
