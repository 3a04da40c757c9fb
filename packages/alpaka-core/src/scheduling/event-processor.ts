import { availableParallelism } from 'node:os';
import type { ProcessDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import type { EventSetupProvider } from '../event-setup/event-setup-provider';
import { createEventSetupProvider } from '../event-setup/event-setup-provider-maker';
import type { OutputModule } from '../output/output-module';
import type { SourceEvent } from '../sources/input-source';
import { ActivityRegistry } from './activity-registry';
import { moduleBlockTransitions } from './block-transitions';
import type {
  CreateEventProcessor,
  EventProcessor,
  EventProcessorOptions,
  RunLimits,
  RunResult,
} from './event-processor-contract';
import { ExceptionToActionTable } from './exception-to-action-table';
import { handleProcessAccelerators } from './handle-process-accelerators';
import { buildSchedule, type Schedule } from './schedule-builder';
import { SourceController } from './source-controller';
import { type BuiltStream, buildStream } from './stream-builder';
import type { EventCounts, StreamSchedule } from './stream-schedule';
import { callTransition } from './transition-calls';
import type { TriggerReport } from './trigger-report';
import { buildTriggerReport } from './trigger-report-builder';

/**
 * CMSSW's EventProcessor: builds the schedule at beginJob, runs `numberOfStreams` concurrent asynchronous
 * stream loops on one JavaScript thread in run(), and ends everything that began in endJob(). A failure stops
 * the source; run() rejects once the other streams' events in flight have finished.
 */
class FrameworkEventProcessor implements EventProcessor {
  /** The configuration's description until construct() resolves it (switch cases, module types, services). */
  description: ProcessDescription;
  readonly numberOfStreams: number;
  readonly numberOfThreads: number;
  readonly activityRegistry: ActivityRegistry;
  selectedAccelerators: readonly string[] = [];
  readonly #options: EventProcessorOptions;
  readonly #counts: EventCounts = { total: 0, passed: 0, failed: 0 };
  #schedule: Schedule | undefined;
  #provider: EventSetupProvider | undefined;
  #streams: BuiltStream[] = [];
  #controller: SourceController | undefined;
  #failure: FrameworkError | undefined;
  #began = false;
  #ended = false;
  #sourceBegan = false;
  #providerBegan = false;

  constructor(description: ProcessDescription, options: EventProcessorOptions) {
    this.description = description;
    this.#options = options;
    this.activityRegistry = options.activityRegistry ?? new ActivityRegistry();
    const threads = options.numberOfThreads ?? description.options.numberOfThreads;
    this.numberOfThreads = threads === 0 ? availableParallelism() : threads;
    const streams = options.numberOfStreams ?? description.options.numberOfStreams;
    this.numberOfStreams = streams === 0 ? this.numberOfThreads : streams;
    if (!Number.isInteger(this.numberOfStreams) || this.numberOfStreams < 1) {
      throw new FrameworkError(
        'Configuration',
        `The number of streams must be a positive integer, got ${this.numberOfStreams}.`,
      );
    }
  }

  /**
   * What CMSSW's EventProcessor constructor does: resolves, validates and constructs every module (the source
   * and the ES modules too) and builds the schedule, so a configuration mistake is reported as
   * "Constructing the EventProcessor", before beginJob.
   */
  async construct(): Promise<void> {
    const handled = await handleProcessAccelerators(this.description, this.#options.availableAccelerators);
    this.selectedAccelerators = handled.selectedAccelerators;
    this.description = handled.description;
    this.#schedule = await buildSchedule(this.description, this.#options.registry, this.numberOfStreams);
    // CMSSW's EventProcessor owns its EventSetupProvider; a caller may inject another (the TestProcessor does).
    const create = this.#options.createEventSetupProvider ?? createEventSetupProvider;
    this.#provider = await create(this.description.eventSetupModules, this.#options.registry, this.activityRegistry);
  }

  async beginJob(): Promise<void> {
    if (this.#began) throw new FrameworkError('LogicError', 'beginJob() was already called on this EventProcessor.');
    const schedule = this.#schedule;
    const provider = this.#provider;
    if (schedule === undefined || provider === undefined) {
      throw new FrameworkError('LogicError', 'beginJob() needs a constructed EventProcessor (createEventProcessor).');
    }
    this.#began = true;
    const activity = this.activityRegistry;
    activity.preBeginJob.emit();
    await provider.beginJob();
    this.#providerBegan = true;
    const actions = new ExceptionToActionTable(this.description.options.exceptionActions);
    for (let streamID = 0; streamID < this.numberOfStreams; streamID++) {
      this.#streams.push(buildStream(streamID, schedule, this.description, activity, actions, provider, this.#counts));
    }
    this.#controller = new SourceController(
      schedule.source,
      this.description.maxEvents.input,
      moduleBlockTransitions(schedule, activity, provider),
      activity,
    );
    if (schedule.source?.beginJob !== undefined) await schedule.source.beginJob();
    this.#sourceBegan = true;
    for (const module of schedule.modules) {
      for (const instance of module.instances)
        await callTransition(activity, module, instance, 'beginJob', 'beginJob', -1, 'Processing  beginJob', []);
      module.beganJob = true;
      if (module.kind === 'output') await (module.instances[0] as OutputModule).openFile?.();
    }
    for (let streamID = 0; streamID < this.numberOfStreams; streamID++) {
      for (const module of schedule.modules) {
        if (module.concurrency === 'one') continue;
        const instance = module.instances[module.concurrency === 'stream' ? streamID : 0] as object;
        await callTransition(
          activity,
          module,
          instance,
          'beginStream',
          'beginStream',
          streamID,
          `Processing  begin Stream stream: ${streamID}`,
          [streamID],
        );
        module.beganStreams[streamID] = true;
      }
    }
  }

  async run(limits: RunLimits = {}): Promise<RunResult> {
    const controller = this.#controller;
    if (controller === undefined) throw new FrameworkError('LogicError', 'run() needs a successful beginJob() first.');
    if (this.#failure !== undefined) throw this.#failure;
    if (limits.maxEvents !== undefined && limits.runForMilliseconds !== undefined) {
      throw new FrameworkError(
        'Configuration',
        'Got both maxEvents and runForMilliseconds, please give only one of them',
      );
    }
    controller.startCall(limits);
    const before = this.#counts.total;
    await Promise.all(this.#streams.map((built) => this.#streamLoop(built.stream, controller)));
    if (controller.error === undefined && controller.exhausted) {
      try {
        await controller.closeOpenBlocks();
      } catch (error) {
        controller.fail(convertException(error));
      }
    }
    if (controller.error !== undefined) {
      this.#failure = controller.error;
      throw controller.error;
    }
    return { eventsProcessed: this.#counts.total - before, sourceExhausted: controller.exhausted };
  }

  async #streamLoop(stream: StreamSchedule, controller: SourceController): Promise<void> {
    let sinceCheck = 0;
    let lastYield = performance.now();
    for (;;) {
      let item = controller.next(stream.streamID);
      if (item instanceof Promise) item = await item;
      if (item === undefined) return;
      const running = stream.processEvent(item as SourceEvent);
      if (running !== undefined) {
        try {
          await running;
        } catch (error) {
          stream.failEvent(convertException(error));
        }
      }
      controller.eventDone();
      if (stream.eventError !== undefined) controller.fail(stream.eventError);
      // Let timers (progress display, runForMilliseconds, device callbacks) run during long synchronous stretches.
      if (++sinceCheck >= 64) {
        sinceCheck = 0;
        const now = performance.now();
        if (now - lastYield > 10) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
    }
  }

  async endJob(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    const activity = this.activityRegistry;
    let first: FrameworkError | undefined;
    const attempt = async (step: () => unknown) => {
      try {
        await step();
      } catch (error) {
        first ??= convertException(error);
      }
    };
    const schedule = this.#schedule;
    if (this.#controller !== undefined) await attempt(() => this.#controller?.closeOpenBlocks());
    if (schedule !== undefined) {
      for (let streamID = 0; streamID < this.numberOfStreams; streamID++) {
        for (const module of schedule.modules) {
          if (module.beganStreams[streamID] !== true) continue;
          const instance = module.instances[module.concurrency === 'stream' ? streamID : 0] as object;
          await attempt(() =>
            callTransition(
              activity,
              module,
              instance,
              'endStream',
              'endStream',
              streamID,
              `Processing  end Stream stream: ${streamID}`,
              [streamID],
            ),
          );
        }
      }
      for (const module of schedule.modules) {
        if (!module.beganJob) continue;
        if (module.kind === 'output') await attempt(() => (module.instances[0] as OutputModule).closeFile?.());
        for (const instance of module.instances) {
          await attempt(() =>
            callTransition(activity, module, instance, 'endJob', 'endJob', -1, 'Processing  endJob', []),
          );
        }
      }
      if (this.#sourceBegan) await attempt(() => schedule.source?.endJob?.());
    }
    if (this.#providerBegan) await attempt(() => this.#provider?.endJob());
    activity.postEndJob.emit();
    if (first !== undefined) throw first;
  }

  moveToBlock(run: number, luminosityBlock: number): Promise<void> {
    return this.#betweenEvents((controller) => controller.moveToBlock(run, luminosityBlock));
  }

  endOpenBlocks(through: 'luminosityBlock' | 'run'): Promise<void> {
    return this.#betweenEvents((c) => (through === 'run' ? c.closeOpenBlocks() : c.endOpenLuminosityBlock()));
  }

  /** A block transition asked for between run() calls; its failure stops the job as a failing event does. */
  async #betweenEvents(step: (controller: SourceController) => Promise<void>): Promise<void> {
    const controller = this.#controller;
    if (controller === undefined) throw new FrameworkError('LogicError', 'Transitions need a successful beginJob().');
    if (this.#failure !== undefined) throw this.#failure;
    try {
      await step(controller);
    } catch (error) {
      const failure = convertException(error);
      controller.fail(failure);
      this.#failure = failure;
      throw failure;
    }
  }

  waitingForHolders(): { stream: number; module: string }[] {
    const waiting: { stream: number; module: string }[] = [];
    for (const { stream } of this.#streams) {
      for (const worker of stream.workers) {
        if (worker.waitingForHolder)
          waiting.push({ stream: stream.streamID, module: `${worker.type}/'${worker.label}'` });
      }
    }
    return waiting;
  }

  triggerReport(): TriggerReport {
    return buildTriggerReport(this.#counts, this.#streams, this.#schedule?.modules ?? []);
  }
}

/** Creates CMSSW's EventProcessor for a process description: every module is constructed when it resolves. */
export const createEventProcessor: CreateEventProcessor = async (description, options) => {
  const processor = new FrameworkEventProcessor(description, options);
  await processor.construct();
  return processor;
};
