import type { ParameterSet } from '../parameter-set/parameter-set';
import type { ProcessAccelerator } from './process-accelerator';
import type { SwitchProducerDescription } from './switch-producer';

/**
 * What a configuration amounts to once loaded: the plain description the framework runs, as cmsRun's C++ side
 * receives the process from Python. The configuration builders (`cms.Process` …) produce it with
 * `process.toDescription()`; the event processor, `--dump-config` and the TestProcessor consume it. Nothing in
 * it refers back to the builders.
 */
export interface ProcessDescription {
  readonly name: string;
  readonly source: ModuleDescription | undefined;
  /** `process.maxEvents.input`; -1 means every event the source has. */
  readonly maxEvents: { readonly input: number };
  readonly options: ProcessOptions;
  /** Every EDProducer, EDFilter, EDAnalyzer and OutputModule, by label, in the order they were defined. */
  readonly modules: ReadonlyMap<string, ModuleDescription>;
  /** ESProducers and ESSources, in the order they were defined. */
  readonly eventSetupModules: readonly ModuleDescription[];
  /** Paths, in schedule order (the Schedule's, or definition order). */
  readonly paths: readonly PathDescription[];
  /** EndPaths, in schedule order. */
  readonly endPaths: readonly PathDescription[];
  /**
   * Labels of the modules that run unscheduled: in a Task attached to a Path, an EndPath or the Schedule, and
   * on no Path or EndPath.
   */
  readonly unscheduledModules: readonly string[];
  /**
   * The ProcessAccelerators (`process.ProcessAcceleratorAlpaka = …`), in definition order: the EventProcessor
   * asks them for the available accelerators, the module type resolver and their customisations.
   */
  readonly processAccelerators: readonly ProcessAccelerator[];
  /** The services (`cms.Service`), in definition order; absent means none. */
  readonly services?: readonly ModuleDescription[];
  /**
   * The SwitchProducers on a Path or in a Task; `modules` holds a placeholder of type `SwitchProducer` under
   * each label until the EventProcessor puts the chosen case's module there. Absent means none.
   */
  readonly switchProducers?: readonly SwitchProducerDescription[];
}

/** The kinds of module CMSSW's `@module_edm_type` names. */
export type ModuleEdmType =
  | 'EDProducer'
  | 'EDFilter'
  | 'EDAnalyzer'
  | 'OutputModule'
  | 'ESProducer'
  | 'ESSource'
  | 'Source'
  | 'Service';

/**
 * One module of the configuration. `parameters` carries the user's parameters plus the tracked strings
 * `@module_label`, `@module_type` and `@module_edm_type` that CMSSW's Python inserts.
 */
export interface ModuleDescription {
  readonly label: string;
  readonly type: string;
  readonly edmType: ModuleEdmType;
  readonly parameters: ParameterSet;
}

/**
 * How a Path treats one of its modules (the prefix CMSSW's Python encodes in the label list: none, `!` for
 * `~f`, `-` for `cms.ignore(f)`, `|` for `cms.wait(m)`, `+` for both).
 */
export type PathOperator = 'normal' | 'veto' | 'ignore' | 'wait' | 'waitAndIgnore';

export interface PathEntryDescription {
  readonly label: string;
  readonly operator: PathOperator;
}

export interface PathDescription {
  readonly name: string;
  /** The modules of the path, Sequences flattened, in order. */
  readonly entries: readonly PathEntryDescription[];
}

/** The exception actions of `process.options`, each a list of categories. */
export interface ExceptionActions {
  readonly tryToContinue: readonly string[];
  /** CMSSW's older name for TryToContinue; the framework treats both alike. */
  readonly skipEvent: readonly string[];
  readonly failPath: readonly string[];
  readonly ignoreCompletely: readonly string[];
  readonly rethrow: readonly string[];
}

/** `process.options` with CMSSW's defaults filled in. */
export interface ProcessOptions {
  readonly numberOfThreads: number;
  /** 0 means as many streams as threads; the description keeps what was written. */
  readonly numberOfStreams: number;
  /** Glob patterns over accelerator names (`cpu`, `gpu-nvidia`, `gpu-amd`); default `['*']`. */
  readonly accelerators: readonly string[];
  readonly wantSummary: boolean;
  readonly exceptionActions: ExceptionActions;
  /** The whole options PSet as written, for what the framework does not interpret itself. */
  readonly parameters: ParameterSet;
}

/** The number of EDM streams the options ask for: numberOfStreams, or numberOfThreads when it is 0. */
export function effectiveNumberOfStreams(options: Pick<ProcessOptions, 'numberOfThreads' | 'numberOfStreams'>): number {
  return options.numberOfStreams === 0 ? options.numberOfThreads : options.numberOfStreams;
}
