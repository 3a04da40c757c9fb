import {
  registerPersistentCollection,
  registerPersistentMultiCollection,
  registerPersistentObject,
} from '@alpaka-ts/arrow-io';
import { host } from '@alpaka-ts/interface';
import { TestHostCollection, TestHostMultiCollection2, TestHostMultiCollection3 } from './test-collections';
import { TestHostObject } from './test-objects';

let registered = false;

/**
 * Registers the host test collections and object with arrow-io (CMSSW: their dictionaries in classes_def.xml),
 * so a job reading an Arrow file gets TestHostCollection and the others, the types its analyzers consume;
 * idempotent, run when the plugins are loaded.
 */
export function registerTestPersistentTypes(): void {
  if (registered) return;
  registered = true;
  registerPersistentCollection(TestHostCollection, (size) => new TestHostCollection(size, host()));
  registerPersistentMultiCollection(
    TestHostMultiCollection2,
    (sizes) => new TestHostMultiCollection2([sizes[0] ?? 0, sizes[1] ?? 0], host()),
  );
  registerPersistentMultiCollection(
    TestHostMultiCollection3,
    (sizes) => new TestHostMultiCollection3([sizes[0] ?? 0, sizes[1] ?? 0, sizes[2] ?? 0], host()),
  );
  registerPersistentObject(TestHostObject, () => new TestHostObject(host()));
}
