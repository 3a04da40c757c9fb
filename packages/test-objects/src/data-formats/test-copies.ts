import { registerTwinCopies } from '@alpaka-ts/portable';
import {
  TestDeviceCollection,
  TestDeviceMultiCollection2,
  TestDeviceMultiCollection3,
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from './test-collections';
import { TestDeviceObject, TestHostObject } from './test-objects';

const pair = <T>(sizes: readonly number[]) => sizes as unknown as T;
let registered = false;

/** Registers the copies of the test collections and objects; idempotent, run when the package is loaded. */
export function registerTestCopies(): void {
  if (registered) return;
  registered = true;
  registerTwinCopies(
    TestDeviceCollection,
    TestHostCollection,
    (source, queue) => new TestHostCollection(source.size, queue),
    (source, queue) => new TestDeviceCollection(source.size, queue),
  );
  registerTwinCopies(
    TestDeviceMultiCollection2,
    TestHostMultiCollection2,
    (source, queue) => new TestHostMultiCollection2(pair(source.sizes), queue),
    (source, queue) => new TestDeviceMultiCollection2(pair(source.sizes), queue),
  );
  registerTwinCopies(
    TestDeviceMultiCollection3,
    TestHostMultiCollection3,
    (source, queue) => new TestHostMultiCollection3(pair(source.sizes), queue),
    (source, queue) => new TestDeviceMultiCollection3(pair(source.sizes), queue),
  );
  registerTwinCopies(
    TestDeviceObject,
    TestHostObject,
    (_source, queue) => new TestHostObject(queue),
    (_source, queue) => new TestDeviceObject(queue),
  );
}
