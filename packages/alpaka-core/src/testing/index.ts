// @alpaka-ts/core/testing: CMSSW's FWCore/TestProcessor, to test one module as it runs in a job.
export { TestEvent } from './test-event';
export { TestProcessor } from './test-processor';
export {
  TestESProductToken,
  type TestModuleSpec,
  TestProcessorConfig,
  type TestProcessorConfigOptions,
  TestProductToken,
  type TestPut,
} from './test-processor-config';
