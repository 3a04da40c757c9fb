import { registerTestCopies } from './data-formats/test-copies';

// The copies are registered when the package is loaded, as CMSSW's plugin registration does.
registerTestCopies();

export {
  TestCollection,
  TestDeviceCollection,
  TestDeviceMultiCollection2,
  TestDeviceMultiCollection3,
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
  TestMultiCollection2,
  TestMultiCollection3,
  testCollectionFor,
  testMultiCollection2For,
  testMultiCollection3For,
} from './data-formats/test-collections';
export { registerTestCopies } from './data-formats/test-copies';
export { TestDeviceObject, TestHostObject, TestObject, TestStruct, testObjectFor } from './data-formats/test-objects';
export { TestSoA, TestSoA2, TestSoA3 } from './data-formats/test-soa';
