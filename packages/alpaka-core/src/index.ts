// @alpaka-ts/core: CMSSW's FWCore (the part the alpaka layer needs) in TypeScript. Entry points by audience:
// this one for configurations and modules, `/testing` for the TestProcessor, bin `alpaka-run` for cmsRun.

// The runner's pieces (alpaka-run) and CMSSW's services over the ActivityRegistry.
export {
  formatProcessedLine,
  formatProcessingLine,
  type ProcessingPlan,
  type TimedRunMeasurement,
} from './cli/job-output-lines';
export {
  type AlpakaRunDependencies,
  type AlpakaRunInputOutput,
  type JobClock,
  runAlpakaRun,
  systemClock,
} from './cli/run-alpaka-run';
// Configuration: CMSSW's Python `cms` builders, the loader (cmsRun's reading of its configuration), edmConfigDump.
export {
  cms,
  type EndPath,
  type LabelledComponent,
  type Module,
  type ParameterAttribute,
  type ParameterAttributes,
  type ParameterOverrides,
  type Path,
  type PathOperation,
  type Process,
  type PSetParameter,
  type Schedule,
  type Sequence,
  type Task,
  type TypedParameter,
} from './configuration/cms';
export { configurationArguments } from './configuration/configuration-arguments';
export { type FormatConfigurationOptions, formatConfiguration } from './configuration/format-configuration';
export { type LoadedConfiguration, loadConfiguration } from './configuration/load-configuration';
export { isProcess } from './configuration/process';
export {
  isProcessAccelerator,
  type ModuleTypeResolver,
  ProcessAccelerator,
} from './configuration/process-accelerator';
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
export {
  isSwitchProducer,
  type SwitchCaseFunction,
  SwitchProducer,
  type SwitchProducerDescription,
} from './configuration/switch-producer';
export { SwitchProducerCUDA } from './configuration/switch-producer-cuda';
export { convertException } from './errors/convert-exception';
export {
  type EdmErrorCategory,
  edmErrorCodes,
  exitCodeOfCategory,
  isEdmErrorCategory,
} from './errors/exception-categories';
export { formatFatalException } from './errors/fatal-exception';
export { FrameworkError, isFrameworkError } from './errors/framework-error';
export { type EndOfEventWork, registerEndOfEventWork } from './event/end-of-event-work';
// The event and its products.
export { type ConstEvent, Event } from './event/event';
export { compareEventIDs, type EventID, formatEventID, makeEventID } from './event/event-id';
export { EventRange } from './event/event-range';
export { Handle } from './event/handle';
export { LuminosityBlock } from './event/luminosity-block';
export { type LuminosityBlockID, LuminosityBlockRange } from './event/luminosity-block-range';
export type { ProductDescription } from './event/product-registry';
export { Run } from './event/run';
export { type HLTPathStatus, type HLTState, TriggerResults } from './event/trigger-results';
// The EventSetup: records, IOVs, ESSources and ESProducers.
export type { ComponentDescription } from './event-setup/component-description';
export { EmptyESSource } from './event-setup/empty-es-source';
export { ESConsumesCollector } from './event-setup/es-consumes-collector';
export { ESGetToken } from './event-setup/es-get-token';
export {
  type ESAcquireFunction,
  type ESProduceAcquiredFunction,
  type ESProduceFunction,
  ESProducer,
  type ESProduction,
  type ESProductionOptions,
} from './event-setup/es-producer';
export { ESSource } from './event-setup/es-source';
export type { EventSetupImpl } from './event-setup/event-setup-impl';
export type { EventSetup, EventSetupProvider, EventSetupSyncValue } from './event-setup/event-setup-provider';
export { createEventSetupProvider } from './event-setup/event-setup-provider-maker';
export type { EventSetupRecord } from './event-setup/event-setup-record';
export {
  defineRecord,
  findRecordType,
  isEventSetupRecordKey,
  knownRecordNames,
  type RecordDefinitionOptions,
  recordDependsOn,
} from './event-setup/event-setup-record-implementation';
export { EventSetupRecordIntervalFinder } from './event-setup/event-setup-record-interval-finder';
export type { EventSetupRecordKey } from './event-setup/event-setup-record-key';
export { compareIOVSyncValues, IOVSyncValue } from './event-setup/iov-sync-value';
export { isMakeDataException, makeDataException } from './event-setup/make-data-exception';
export { noProductResolverException } from './event-setup/no-product-resolver-exception';
export { noRecordException } from './event-setup/no-record-exception';
export { registerBuiltInEventSetupModules } from './event-setup/register-built-in-event-setup-modules';
export { ValidityInterval } from './event-setup/validity-interval';
// Modules: the bases by concurrency (CMSSW's edm::global / edm::stream / edm::one), tokens, ExternalWork's holder.
export {
  EDConsumerBase,
  type SourceTransformContext,
  type SourceTransformRegistration,
} from './modules/ed-consumer-base';
export { type ConsumeKind, EDGetToken, EDPutToken } from './modules/ed-get-token';
export * as global from './modules/global-modules';
export type { MaybePromise, ModuleConcurrency } from './modules/module-abilities';
export { isModuleClass, type ModuleClass } from './modules/module-class';
export { closestNames, type LazyModuleEntry, ModuleRegistry } from './modules/module-registry';
export * as one from './modules/one-modules';
// Plugins by name: installed packages' manifests.
export {
  discoverPluginManifests,
  type PluginManifest,
  type PluginManifestDiscovery,
  pluginManifestSpecificationVersion,
} from './modules/plugin-manifest';
export { ProducerBase } from './modules/producer-base';
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
export * as stream from './modules/stream-modules';
export { makeWaitingTaskHolder, WaitingTaskWithArenaHolder } from './modules/waiting-task-with-arena-holder';
export { type CollectedEvent, type CollectedOutput, CollectingOutputModule } from './output/collecting-output-module';
export { type OutputEvent, OutputModule, type OutputProduct } from './output/output-module';
export { ProductSelectorRules } from './output/product-selector-rules';
// Parameter descriptions (fillDescriptions) and the help text of --help-module / --list-modules.
export {
  ConfigurationDescriptions,
  type LabelledDescription,
  validateModuleParameters,
} from './parameter-set/configuration-descriptions';
export { defaultModuleLabel } from './parameter-set/default-module-label';
export { ESInputTag } from './parameter-set/es-input-tag';
export { InputTag } from './parameter-set/input-tag';
export {
  ParameterDescription,
  type ParameterDescriptionNode,
  type ParameterPresence,
  ParameterWildcard,
  type WildcardCriteria,
} from './parameter-set/parameter-description';
export { ParameterSet } from './parameter-set/parameter-set';
export { ParameterSetDescription, type ScalarParameterTypeName } from './parameter-set/parameter-set-description';
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
  formatConfigurationDescriptions,
  formatModuleHelp,
  formatModuleHelpFromRegistry,
  formatModuleList,
  formatParameterSetDescription,
  formatParameterValue,
} from './parameter-set/print-description';
export {
  ActivityRegistry,
  type DeviceWorkContext,
  type ModuleCallContext,
  type ModuleCallKind,
  Signal,
  type StreamEventContext,
} from './scheduling/activity-registry';
// Scheduling, sources and output modules.
export { createEventProcessor } from './scheduling/event-processor';
export type {
  CreateEventProcessor,
  CreateEventSetupProvider,
  EventProcessor,
  EventProcessorOptions,
  RunLimits,
  RunResult,
} from './scheduling/event-processor-contract';
export type { ExceptionAction } from './scheduling/exception-to-action-table';
export { handleProcessAccelerators } from './scheduling/handle-process-accelerators';
export type { ModuleInPathReport, ModuleReport, PathReport, TriggerReport } from './scheduling/trigger-report';
export { connectEventProgressLines, formatBeginProcessingLine } from './services/event-progress-lines';
export { type ProgressMode, type ProgressOptions, resolveProgressMode, startProgress } from './services/progress';
export { connectProgressBar } from './services/progress-bar';
export { formatTimingTable, type ModuleTiming, type TimedCallKind, TimingSummary } from './services/timing-summary';
export { type TraceEvent, TraceWriter } from './services/trace-writer';
export { formatTriggerReport } from './services/trigger-report-printer';
export { builtInModules, registerBuiltInModules } from './sources/built-in-modules';
export { EmptySource } from './sources/empty-source';
export { EventSkipperByID } from './sources/event-skipper-by-id';
export { InputSource, type SourceEvent, type SourceProductDeclaration } from './sources/input-source';
