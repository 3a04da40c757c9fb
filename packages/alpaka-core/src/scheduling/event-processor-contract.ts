import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import type { EventSetupProvider } from '../event-setup/event-setup-provider';
import type { ModuleRegistry } from '../modules/module-registry';
import type { ActivityRegistry } from './activity-registry';
import type { TriggerReport } from './trigger-report';

/**
 * What the runner (cli/) and the TestProcessor (testing/) see of CMSSW's EventProcessor: construct from a
 * process description (createEventProcessor constructs every module), begin the job, run events (several times: a warm-up, then the timed run, the source
 * going on where it stopped), end the job, read the TrigReport. scheduling/event-processor.ts implements it.
 */
export interface EventProcessorOptions {
  readonly registry: ModuleRegistry;
  readonly activityRegistry?: ActivityRegistry;
  /** Overrides of process.options (the command line's -n, --numberOfStreams). */
  readonly numberOfThreads?: number;
  readonly numberOfStreams?: number;
  /**
   * Builds the EventSetup from the ESProducers and ESSources (event-setup/ provides the real one; the default
   * is what the integration wires). Injected so the scheduler does not import event-setup/'s internals.
   */
  readonly createEventSetupProvider?: CreateEventSetupProvider;
  /**
   * The compute accelerators this machine has, by CMSSW's names (`cpu`, `gpu-nvidia`, `gpu-amd`): what the
   * ProcessAccelerators report (the alpaka layer adds the GPUs it finds). Given, it replaces the probe;
   * default `cpu` plus every ProcessAccelerator's enabledLabels().
   */
  readonly availableAccelerators?: readonly string[];
}

export type CreateEventSetupProvider = (
  modules: readonly ModuleDescription[],
  registry: ModuleRegistry,
  /** Where ES module calls are signalled (kind 'eventSetup'), so services can time and trace them. */
  activity?: ActivityRegistry,
) => Promise<EventSetupProvider>;

export interface RunLimits {
  /** Events to process in this call (-1: until the source or process.maxEvents ends). */
  readonly maxEvents?: number;
  /** Stop taking new events after this long (pixeltrack's --runForMinutes); exclusive with maxEvents. */
  readonly runForMilliseconds?: number;
  /**
   * Stop taking new events once aborted (alpaka-run aborts it on SIGINT/SIGTERM, cmsRun's caught signal):
   * the events in flight finish and run() resolves as usual, so endJob and the output modules close cleanly.
   */
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly eventsProcessed: number;
  /** True when the source has no more events (or process.maxEvents is reached). */
  readonly sourceExhausted: boolean;
}

export interface EventProcessor {
  readonly description: ProcessDescription;
  /** The available accelerators that match process.options.accelerators (CMSSW's `@selected_accelerators`). */
  readonly selectedAccelerators?: readonly string[];
  readonly numberOfStreams: number;
  readonly numberOfThreads: number;
  readonly activityRegistry: ActivityRegistry;
  /**
   * Runs beginJob and beginStream (every module was resolved, validated and constructed, and the schedule
   * built, when createEventProcessor resolved: CMSSW's EventProcessor constructor).
   */
  beginJob(): Promise<void>;
  /** Processes events; rejects with the FrameworkError (context added) that stopped the job. */
  run(limits?: RunLimits): Promise<RunResult>;
  /**
   * Ends streams, runs, luminosity blocks and the job for the modules that began; closes output modules so
   * what they wrote is kept. Safe to call after run() rejected; rejects only with an error of its own.
   */
  endJob(): Promise<void>;
  triggerReport(): TriggerReport;
  /** The ExternalWork modules whose acquire returned while a holder copy is still held, per stream. */
  waitingForHolders?(): readonly { readonly stream: number; readonly module: string }[];
  /**
   * Runs the transitions that reach this run and luminosity block (0: the run only) without an event, ending
   * the open ones that differ first (the TestProcessor's testBeginRun/testBeginLuminosityBlock). Only between
   * run() calls; a failure stops the job as a failing event does. Optional: the runner does not need it.
   */
  moveToBlock?(run: number, luminosityBlock: number): Promise<void>;
  /** Ends the open luminosity block, and with 'run' the open run too (testEndLuminosityBlock, testEndRun). */
  endOpenBlocks?(through: 'luminosityBlock' | 'run'): Promise<void>;
}

export type CreateEventProcessor = (
  description: ProcessDescription,
  options: EventProcessorOptions,
) => Promise<EventProcessor>;
