import { availableParallelism } from 'node:os';
import type { ProcessDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import type { ModuleRegistry } from '../modules/module-registry';
import { ActivityRegistry } from '../scheduling/activity-registry';
import type { EventProcessor, RunLimits, RunResult } from '../scheduling/event-processor-contract';
import { EventSetupTime } from '../services/event-setup-time';
import { startProgress } from '../services/progress';
import { StallGuard } from '../services/stall-guard';
import { TimingSummary } from '../services/timing-summary';
import { TraceWriter } from '../services/trace-writer';
import { formatTriggerReport } from '../services/trigger-report-printer';
import { type AlpakaRunCommandLine, programName } from './command-line';
import { formatProcessedLine, formatProcessingLine } from './job-output-lines';
import type { AlpakaRunDependencies, AlpakaRunInputOutput, JobClock } from './run-alpaka-run';

/** cmsRun's contexts for the stage of the job an exception escaped from (FWCore/Framework/bin/cmsRun.cpp). */
const stageContexts = {
  construction: 'Constructing the EventProcessor',
  beginJob: 'Calling beginJob',
  run: 'Calling EventProcessor::runToCompletion (which does almost everything after beginJob and before endJob)',
  endJob: 'Calling endJob',
} as const;

/**
 * The job: construct the processor (services connected first, so construction is traced), beginJob, the
 * first line, warm-up events, the timed run (pixeltrack's window: construction, warm-up and endJob
 * excluded), endJob, the result line and the summary. endJob and the trace also run when the job fails, with
 * what happened until then. Resolves to the error that ended the job, or undefined.
 */
export async function runJob(
  commandLine: AlpakaRunCommandLine,
  loaded: { readonly description: ProcessDescription; readonly registry?: ModuleRegistry },
  dependencies: AlpakaRunDependencies,
  io: AlpakaRunInputOutput & { readonly now: () => Date; readonly clock: JobClock },
): Promise<FrameworkError | undefined> {
  const options = loaded.description.options;
  const allCpus = io.availableParallelism ?? availableParallelism;
  const requestedThreads = commandLine.numberOfThreads ?? options.numberOfThreads;
  const numberOfThreads = requestedThreads === 0 ? allCpus() : requestedThreads;
  const requestedStreams = commandLine.numberOfStreams ?? options.numberOfStreams;
  const numberOfStreams = requestedStreams === 0 ? numberOfThreads : requestedStreams;
  const warmupEvents = commandLine.warmupEvents;
  const runForMinutes = commandLine.runForMinutes;
  const maxEvents = runForMinutes !== undefined ? -1 : (commandLine.maxEvents ?? loaded.description.maxEvents.input);
  const wantSummary = commandLine.wantSummary || options.wantSummary;
  // The processor stops at process.maxEvents itself: make it the whole job's count, warm-up included.
  const description: ProcessDescription = {
    ...loaded.description,
    maxEvents: { input: maxEvents < 0 ? -1 : maxEvents + warmupEvents },
  };

  const activityRegistry = new ActivityRegistry();
  const timing = wantSummary ? new TimingSummary(activityRegistry) : undefined;
  const trace = commandLine.trace !== undefined ? new TraceWriter(activityRegistry) : undefined;
  let stopProgress = () => {};
  let processor: EventProcessor | undefined;
  let failure: FrameworkError | undefined;
  let timedRun: { result: RunResult; wallSeconds: number; cpuSeconds: number } | undefined;
  let stage: keyof typeof stageContexts = 'construction';
  const guard = new StallGuard(activityRegistry, io.onEventLoopIdle, () => processor?.waitingForHolders?.() ?? []);
  const eventSetupTime = new EventSetupTime(activityRegistry, () => io.clock.wallNanoseconds());
  try {
    processor = await dependencies.createEventProcessor(description, {
      registry: loaded.registry ?? dependencies.registry,
      activityRegistry,
      numberOfThreads,
      numberOfStreams,
      ...(dependencies.createEventSetupProvider === undefined
        ? {}
        : { createEventSetupProvider: dependencies.createEventSetupProvider }),
    });
    stage = 'beginJob';
    await guard.watch(processor.beginJob(), 'beginning the job');
    stage = 'run';
    const plan = { maxEvents, runForMinutes, warmupEvents, numberOfThreads: processor.numberOfThreads };
    io.stdout.write(`${formatProcessingLine({ ...plan, numberOfStreams: processor.numberOfStreams })}\n`);
    stopProgress = startProgress(processor.activityRegistry, {
      mode: commandLine.progress,
      isTerminal: io.isTerminal,
      stream: io.stderr,
      totalEvents: maxEvents < 0 ? undefined : maxEvents + warmupEvents,
      now: io.now,
    });
    const signal = io.abortSignal === undefined ? {} : { signal: io.abortSignal };
    if (warmupEvents > 0) await guard.watch(processor.run({ maxEvents: warmupEvents, ...signal }), 'processing events');
    const limits: RunLimits =
      runForMinutes !== undefined
        ? { runForMilliseconds: runForMinutes * 60_000, ...signal }
        : { maxEvents, ...signal };
    const wallStart = io.clock.wallNanoseconds();
    const cpuStart = io.clock.cpuMicroseconds();
    const eventSetupStart = eventSetupTime.nanoseconds();
    const result = await guard.watch(processor.run(limits), 'processing events');
    // pixeltrack's window excludes ES production (done at construction there, lazily in the events here).
    const eventSetupSeconds = Number(eventSetupTime.nanoseconds() - eventSetupStart) / 1e9;
    const wallSeconds = Math.max(0, Number(io.clock.wallNanoseconds() - wallStart) / 1e9 - eventSetupSeconds);
    const cpuSeconds = Math.max(0, (io.clock.cpuMicroseconds() - cpuStart) / 1e6 - eventSetupSeconds);
    timedRun = { result, wallSeconds, cpuSeconds };
  } catch (error) {
    failure = withStageContext(error, stageContexts[stage]);
  }
  stopProgress();
  if (failure === undefined && io.abortSignal?.aborted === true) failure = caughtSignalError(io.abortSignal);

  if (processor !== undefined) {
    try {
      await guard.watch(processor.endJob(), 'ending the job');
    } catch (error) {
      failure ??= withStageContext(error, stageContexts.endJob);
    }
  }
  guard.disconnect();
  eventSetupTime.disconnect();
  timing?.disconnect();
  trace?.disconnect();
  // A trace that cannot be written fails a job that succeeded otherwise (FileWriteError), after its output.
  let traceFailure: FrameworkError | undefined;
  if (trace !== undefined && commandLine.trace !== undefined) {
    try {
      await trace.write(commandLine.trace);
    } catch (error) {
      traceFailure = new FrameworkError(
        'FileWriteError',
        `${programName} could not write the trace file ${commandLine.trace}: ${error instanceof Error ? error.message : String(error)}\nCheck that its folder exists and is writable.`,
        { cause: error },
      );
    }
  }

  if (timedRun !== undefined && (failure === undefined || failure.category === 'CaughtSignal')) {
    io.stdout.write(
      `${formatProcessedLine({
        events: timedRun.result.eventsProcessed,
        wallSeconds: timedRun.wallSeconds,
        cpuSeconds: timedRun.cpuSeconds,
        numberOfThreads: processor?.numberOfThreads ?? numberOfThreads,
      })}\n`,
    );
  }
  // As CMSSW's endJob, the summary is printed for a job that began, whether or not its events all succeeded.
  if (wantSummary && processor !== undefined && stage === 'run') {
    try {
      io.stdout.write(`\n${formatTriggerReport(processor.triggerReport())}`);
      if (timing !== undefined) io.stdout.write(`\n${timing.format()}`);
    } catch (error) {
      failure ??= convertException(error);
    }
  }
  return failure ?? traceFailure;
}

function withStageContext(thrown: unknown, context: string): FrameworkError {
  const error = convertException(thrown);
  if (!error.hasContext(context)) error.addContext(context);
  return error;
}

/** cmsRun's exit for a caught signal (9000): the job stopped early, on purpose, after a clean endJob. */
function caughtSignalError(signal: AbortSignal): FrameworkError {
  const reason = typeof signal.reason === 'string' ? signal.reason : 'a signal';
  return new FrameworkError(
    'CaughtSignal',
    `${programName} caught ${reason}: it stopped taking new events, finished the events in flight and ran endJob.`,
  );
}
