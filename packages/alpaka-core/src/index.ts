// @alpaka-ts/core: CMSSW's FWCore (the part the alpaka layer needs) in TypeScript. Entry points by audience:
// this one for configurations and modules, `/testing` for the TestProcessor, bin `alpaka-run` for cmsRun.
export type {
  ExceptionActions,
  ModuleDescription,
  ModuleEdmType,
  PathDescription,
  PathEntryDescription,
  PathOperator,
  ProcessDescription,
  ProcessOptions,
} from './configuration/process-description';
export { effectiveNumberOfStreams } from './configuration/process-description';
export { convertException } from './errors/convert-exception';
export {
  type EdmErrorCategory,
  edmErrorCodes,
  exitCodeOfCategory,
  isEdmErrorCategory,
} from './errors/exception-categories';
export { formatFatalException } from './errors/fatal-exception';
export { FrameworkError, isFrameworkError } from './errors/framework-error';
export { compareEventIDs, type EventID, formatEventID, makeEventID } from './event/event-id';
export { ESGetToken } from './event-setup/es-get-token';
export type { EventSetup, EventSetupProvider, EventSetupSyncValue } from './event-setup/event-setup-provider';
export type { EventSetupRecordKey } from './event-setup/event-setup-record-key';
export { isModuleClass, type ModuleClass } from './modules/module-class';
export { closestNames, type LazyModuleEntry, ModuleRegistry } from './modules/module-registry';
export {
  friendlyProductTypeName,
  isProductType,
  type NamedProductType,
  namedProductType,
  type ProductClass,
  type ProductType,
  productTypeName,
  productTypes,
} from './modules/product-type';
export { ESInputTag } from './parameter-set/es-input-tag';
export { InputTag } from './parameter-set/input-tag';
export { ParameterSet } from './parameter-set/parameter-set';
export {
  describeParameterKind,
  isParameterTypeName,
  type Parameter,
  type ParameterTypeName,
  type ParameterValue,
  type ParameterValueOfType,
  parameterTypeNames,
} from './parameter-set/parameter-type';
export { checkParameterValue, parameterValueProblem } from './parameter-set/parameter-value-check';
export {
  ActivityRegistry,
  type DeviceWorkContext,
  type ModuleCallContext,
  type ModuleCallKind,
  Signal,
  type StreamEventContext,
} from './scheduling/activity-registry';
export type {
  CreateEventProcessor,
  CreateEventSetupProvider,
  EventProcessor,
  EventProcessorOptions,
  RunLimits,
  RunResult,
} from './scheduling/event-processor-contract';
export type { ModuleInPathReport, ModuleReport, PathReport, TriggerReport } from './scheduling/trigger-report';
