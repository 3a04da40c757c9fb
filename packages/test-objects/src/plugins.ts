// The package's plugin file (CMSSW's DEFINE_FWK_MODULE / DEFINE_FWK_EVENTSETUP_MODULE lines): every module
// class the plugin manifest (alpaka-modules.json) declares, exported from one built entry (dist/plugins.js),
// so alpaka-run finds them by CMSSW's type names without a configuration importing them. Loading it
// registers the collections' copies, as loading the package does.
import { registerTestCopies } from './data-formats/test-copies';

registerTestCopies();

export { TestAlpakaAnalyzer } from './analyzers/test-alpaka-analyzer';
export { TestAlpakaHostDeviceCompare } from './analyzers/test-alpaka-host-device-compare';
export { TestAlpakaObjectAnalyzer } from './analyzers/test-alpaka-object-analyzer';
