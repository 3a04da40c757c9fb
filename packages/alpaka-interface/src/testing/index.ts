/**
 * @alpaka-ts/interface/testing: the backend conformance suite. It depends on no test framework: run it
 * with runConformanceSuite (plain Node, e.g. on a GPU machine) or register each case with your runner.
 */
export { ConformanceFailure, expectArrayEqual, expectClose, expectEqual, expectThrows, expectTrue } from './assertions';
export { type ConformanceCase, type ConformanceKernel, defineCases } from './conformance-case';
export { ConformanceContext, holdQueue, settle } from './context';
export {
  createMockAcceleratorBackend,
  type MockAcceleratorBackend,
} from './mock-accelerator/mock-accelerator-backend';
export type {
  MockAcceleratorOptions,
  MockKernelRunner,
  MockStepping,
} from './mock-accelerator/mock-accelerator-options';
export type { MockAcceleratorStatistics } from './mock-accelerator/mock-statistics';
export { type ConformanceResult, type ConformanceRunOptions, runConformanceSuite } from './run-conformance';
export { conformanceCases, conformanceKernels } from './suite';
