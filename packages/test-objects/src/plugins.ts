// The package's plugin file (CMSSW's DEFINE_FWK_MODULE / DEFINE_FWK_EVENTSETUP_MODULE lines): every module
// class the plugin manifest (alpaka-modules.json) declares, exported from one built entry (dist/plugins.js),
// so alpaka-run finds them by CMSSW's type names without a configuration importing them. Loading it
// registers the products' copies, as loading the package does, and their types with arrow-io's source.

import { registerESTestCopies } from './data-formats/es-test-copies';
import { registerTestCopies } from './data-formats/test-copies';
import { registerTestPersistentTypes } from './data-formats/test-persistent-types';
import { registerTestProductWithPtrCopies } from './data-formats/test-product-with-ptr';
import { registerUpdateInfoCopies } from './test-algo/update-info';

registerESTestCopies();
registerTestCopies();
registerTestPersistentTypes();
registerTestProductWithPtrCopies();
registerUpdateInfoCopies();

export { TestAlpakaAnalyzer } from './analyzers/test-alpaka-analyzer';
export { TestAlpakaAnalyzerProductWithPtr } from './analyzers/test-alpaka-analyzer-product-with-ptr';
export { TestAlpakaHostDeviceCompare } from './analyzers/test-alpaka-host-device-compare';
export { TestAlpakaObjectAnalyzer } from './analyzers/test-alpaka-object-analyzer';
export { TestAlpakaESProducerA } from './es-producers/test-alpaka-es-producer-a';
export { TestAlpakaESProducerAMulti } from './es-producers/test-alpaka-es-producer-a-multi';
export { TestAlpakaESProducerB } from './es-producers/test-alpaka-es-producer-b';
export { TestAlpakaESProducerC } from './es-producers/test-alpaka-es-producer-c';
export { TestAlpakaESProducerD } from './es-producers/test-alpaka-es-producer-d';
export { TestAlpakaESProducerE } from './es-producers/test-alpaka-es-producer-e';
export { TestAlpakaESProducerNull } from './es-producers/test-alpaka-es-producer-null';
export { TestESProducerA, TestESProducerB, TestESProducerC } from './es-producers/test-es-producers';
export { IntProducer } from './modules/int-producer';
export { TestAlpakaGlobalProducer } from './modules/test-alpaka-global-producer';
export { TestAlpakaGlobalProducerCopyToDeviceCache } from './modules/test-alpaka-global-producer-copy-to-device-cache';
export { TestAlpakaGlobalProducerE } from './modules/test-alpaka-global-producer-e';
export { TestAlpakaGlobalProducerImplicitCopyToDevice } from './modules/test-alpaka-global-producer-implicit-copy-to-device';
export { TestAlpakaGlobalProducerMoveToDeviceCache } from './modules/test-alpaka-global-producer-move-to-device-cache';
export { TestAlpakaGlobalProducerNoOutput } from './modules/test-alpaka-global-producer-no-output';
export { TestAlpakaGlobalProducerNullES } from './modules/test-alpaka-global-producer-null-es';
export { TestAlpakaGlobalProducerOffset } from './modules/test-alpaka-global-producer-offset';
export { TestAlpakaGlobalProducerWithPtr } from './modules/test-alpaka-global-producer-with-ptr';
export { TestAlpakaProducer } from './modules/test-alpaka-producer';
export { TestAlpakaStreamProducer } from './modules/test-alpaka-stream-producer';
export { TestAlpakaStreamSynchronizingProducer } from './modules/test-alpaka-stream-synchronizing-producer';
export { TestAlpakaStreamSynchronizingProducerToDevice } from './modules/test-alpaka-stream-synchronizing-producer-to-device';
export { TestAlpakaVerifyObjectOnDevice } from './modules/test-alpaka-verify-object-on-device';
