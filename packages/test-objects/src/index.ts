// CMSSW's DataFormats/PortableTestObjects and HeterogeneousCore/AlpakaTest. Loading the package registers the
// products' copies (through the plugin file), as CMSSW's plugin registration does.

export {
  AlpakaESTestDataA,
  AlpakaESTestDataACMulti,
  AlpakaESTestDataACMultiDevice,
  AlpakaESTestDataACMultiHost,
  AlpakaESTestDataADevice,
  AlpakaESTestDataAHost,
  AlpakaESTestDataC,
  AlpakaESTestDataCDevice,
  AlpakaESTestDataCHost,
  AlpakaESTestDataD,
  AlpakaESTestDataDDevice,
  AlpakaESTestDataDHost,
  alpakaESTestDataDFor,
} from './data-formats/alpaka-es-test-data';
export {
  AlpakaESTestDataB,
  AlpakaESTestDataBDevice,
  AlpakaESTestDataBHost,
  copyAlpakaESTestDataBToDevice,
} from './data-formats/alpaka-es-test-data-b';
export {
  AlpakaESTestDataE,
  AlpakaESTestDataEDevice,
  AlpakaESTestDataEHost,
  type AlpakaESTestDataEViews,
  copyAlpakaESTestDataEToDevice,
} from './data-formats/alpaka-es-test-data-e';
export {
  AlpakaESTestRecordA,
  AlpakaESTestRecordB,
  AlpakaESTestRecordC,
  AlpakaESTestRecordD,
} from './data-formats/alpaka-es-test-records';
export {
  AlpakaESTestSoAA,
  AlpakaESTestSoAC,
  AlpakaESTestSoAD,
  AlpakaESTestSoAE,
  AlpakaESTestSoAEData,
} from './data-formats/alpaka-es-test-soa';
export { boolProduct } from './data-formats/bool-product';
export { registerESTestCopies } from './data-formats/es-test-copies';
export { ESTestDataA, ESTestDataB, ESTestDataC } from './data-formats/es-test-data';
export { IntProduct } from './data-formats/int-product';
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
export { registerTestPersistentTypes } from './data-formats/test-persistent-types';
export {
  addressOfBufferColumn,
  readThroughPtr,
  registerTestProductWithPtrCopies,
  setPtrInTestProductWithPtr,
  TestProductWithPtr,
  TestProductWithPtrDevice,
  TestProductWithPtrHost,
  TestProductWithPtrSoA,
  testProductWithPtrFor,
} from './data-formats/test-product-with-ptr';
export { TestSoA, TestSoA2, TestSoA3 } from './data-formats/test-soa';
export {
  backendParameter,
  backendParameterDescription,
  backendParameterKey,
  builtInBackendParameterKeys,
} from './modules/backend-parameter';
export * from './plugins';
export {
  type AnyTestCollection,
  type AnyTestMultiCollection2,
  type AnyTestMultiCollection3,
  type AnyTestObject,
  TestAlgo,
} from './test-algo/test-algo';
export {
  expectedMatrixCoefficient,
  testAlgoFlags,
  testAlgoItemsPerGroup,
  testAlgoMatrix,
  testAlgoScalars,
} from './test-algo/test-algo-constants';
export {
  type AnyAlpakaESTestDataE,
  updateMulti2WithES,
  updateMulti3WithES,
  updateWithES,
} from './test-algo/test-algo-update-es';
export { testESAlgoAsync } from './test-algo/test-es-algo-async';
export { registerUpdateInfoCopies, UpdateInfo, UpdateInfoBuffer } from './test-algo/update-info';
