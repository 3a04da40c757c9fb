import { Writable } from 'node:stream';
import type { AlpakaRunDependencies, JobClock } from '../../src/cli/run-alpaka-run';
import type { ProcessDescription } from '../../src/configuration/process-description';
import { makeEventID } from '../../src/event/event-id';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import type { ActivityRegistry, ModuleCallKind } from '../../src/scheduling/activity-registry';
import type {
  CreateEventProcessor,
  EventProcessor,
  EventProcessorOptions,
  RunLimits,
  RunResult,
} from '../../src/scheduling/event-processor-contract';
import type { TriggerReport } from '../../src/scheduling/trigger-report';

/** A processor implementing the contract: events round-robin over streams, signals as the real one emits. */
export interface FakeBehaviour {
  /** Events the source has (default: unlimited). */
  readonly sourceEvents?: number;
  readonly modules?: ReadonlyArray<{ readonly label: string; readonly type: string; readonly externalWork?: boolean }>;
  /** Throw this from the module call of this event number (1-based, counted over the job). */
  readonly failAtEvent?: { readonly event: number; readonly error: unknown };
  readonly failIn?: 'construction' | 'beginJob' | 'endJob';
  /** Events a runForMilliseconds run processes. */
  readonly eventsInTimeLimit?: number;
  /** Advanced by the processor per event, so the result line's numbers are known. */
  readonly clock?: FakeClock;
  readonly triggerReport?: TriggerReport;
  /** EventSetup production at the job's first event (a lazy ESProducer), advancing the clock this long. */
  readonly eventSetupNanoseconds?: bigint;
  /** Called after each event (1-based over the job), e.g. to abort the job. */
  readonly afterEvent?: (eventNumber: number) => void;
}

export class FakeClock implements JobClock {
  wall = 0n;
  cpu = 0;
  constructor(
    readonly wallPerEvent = 1_000_000n,
    readonly cpuMicrosecondsPerEvent = 500,
  ) {}
  wallNanoseconds(): bigint {
    return this.wall;
  }
  cpuMicroseconds(): number {
    return this.cpu;
  }
  tick(): void {
    this.wall += this.wallPerEvent;
    this.cpu += this.cpuMicrosecondsPerEvent;
  }
}

export interface FakeRecord {
  description?: ProcessDescription;
  options?: EventProcessorOptions;
  runs: RunLimits[];
  began: boolean;
  ended: boolean;
}

export function fakeEventProcessorFactory(behaviour: FakeBehaviour, record: FakeRecord): CreateEventProcessor {
  return async (description, options) => {
    record.description = description;
    record.options = options;
    if (behaviour.failIn === 'construction') throw new Error('construction failed');
    return new FakeEventProcessor(description, options, behaviour, record);
  };
}

class FakeEventProcessor implements EventProcessor {
  readonly numberOfStreams: number;
  readonly numberOfThreads: number;
  readonly activityRegistry: ActivityRegistry;
  #eventNumber = 0;
  constructor(
    readonly description: ProcessDescription,
    options: EventProcessorOptions,
    readonly behaviour: FakeBehaviour,
    readonly record: FakeRecord,
  ) {
    this.numberOfThreads = options.numberOfThreads ?? 1;
    this.numberOfStreams = options.numberOfStreams ?? this.numberOfThreads;
    if (options.activityRegistry === undefined) throw new Error('the runner must pass its activity registry');
    this.activityRegistry = options.activityRegistry;
  }
  async beginJob(): Promise<void> {
    this.record.began = true;
    if (this.behaviour.failIn === 'beginJob') throw new Error('beginJob failed');
  }
  async run(limits: RunLimits = {}): Promise<RunResult> {
    this.record.runs.push(limits);
    const signals = this.activityRegistry;
    let wanted =
      limits.runForMilliseconds !== undefined ? (this.behaviour.eventsInTimeLimit ?? 5) : (limits.maxEvents ?? -1);
    if (wanted < 0) wanted = Number.POSITIVE_INFINITY;
    const total = this.description.maxEvents.input < 0 ? Number.POSITIVE_INFINITY : this.description.maxEvents.input;
    const source = this.behaviour.sourceEvents ?? Number.POSITIVE_INFINITY;
    let processed = 0;
    while (processed < wanted && this.#eventNumber < Math.min(total, source) && limits.signal?.aborted !== true) {
      this.#eventNumber += 1;
      const stream = (this.#eventNumber - 1) % this.numberOfStreams;
      const eventID = makeEventID(1, 1, this.#eventNumber);
      signals.preSourceEvent.emit(stream);
      signals.postSourceEvent.emit(stream);
      signals.preEvent.emit({ stream, eventID });
      if (this.#eventNumber === 1 && this.behaviour.eventSetupNanoseconds !== undefined) {
        const context = {
          moduleLabel: 'esProducer',
          moduleType: 'ESP',
          kind: 'eventSetup' as const,
          stream: -1,
          eventID: undefined,
        };
        signals.preESModule.emit(context);
        if (this.behaviour.clock !== undefined) this.behaviour.clock.wall += this.behaviour.eventSetupNanoseconds;
        signals.postESModule.emit(context);
      }
      for (const module of this.behaviour.modules ?? []) {
        const kinds: ModuleCallKind[] = module.externalWork ? ['acquire', 'event'] : ['event'];
        for (const kind of kinds) {
          const context = { moduleLabel: module.label, moduleType: module.type, kind, stream, eventID };
          signals.preModule.emit(context);
          if (this.behaviour.failAtEvent?.event === this.#eventNumber) throw this.behaviour.failAtEvent.error;
          signals.postModule.emit(context);
        }
      }
      signals.postEvent.emit({ stream, eventID });
      this.behaviour.clock?.tick();
      processed += 1;
      this.behaviour.afterEvent?.(this.#eventNumber);
    }
    return { eventsProcessed: processed, sourceExhausted: this.#eventNumber >= Math.min(total, source) };
  }
  async endJob(): Promise<void> {
    this.record.ended = true;
    if (this.behaviour.failIn === 'endJob') throw new Error('endJob failed');
  }
  triggerReport(): TriggerReport {
    return (
      this.behaviour.triggerReport ?? {
        eventsTotal: this.#eventNumber,
        eventsPassed: this.#eventNumber,
        eventsFailed: 0,
        paths: [],
        endPaths: [],
        modules: [],
      }
    );
  }
}

export function makeDescription(
  overrides: { maxEvents?: number; numberOfThreads?: number; numberOfStreams?: number; wantSummary?: boolean } = {},
): ProcessDescription {
  return {
    name: 'TEST',
    source: undefined,
    maxEvents: { input: overrides.maxEvents ?? -1 },
    options: {
      numberOfThreads: overrides.numberOfThreads ?? 1,
      numberOfStreams: overrides.numberOfStreams ?? 0,
      accelerators: ['*'],
      wantSummary: overrides.wantSummary ?? false,
      exceptionActions: { tryToContinue: [], skipEvent: [], failPath: [], ignoreCompletely: [], rethrow: [] },
      parameters: new ParameterSet(),
    },
    modules: new Map(),
    eventSetupModules: [],
    paths: [],
    endPaths: [],
    unscheduledModules: [],
    processAccelerators: [],
  };
}

/** A Writable that keeps what was written. */
export class CapturedOutput extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
  get lines(): string[] {
    return this.text.split('\n').filter((line) => line !== '');
  }
}

export interface Harness {
  readonly stdout: CapturedOutput;
  readonly stderr: CapturedOutput;
  readonly record: FakeRecord;
  readonly loads: Array<{ file: string; args: readonly string[] }>;
  readonly dependencies: AlpakaRunDependencies;
  readonly clock: FakeClock;
}

export function makeHarness(
  options: { behaviour?: FakeBehaviour; description?: ProcessDescription; loadError?: unknown; clock?: FakeClock } = {},
): Harness {
  const record: FakeRecord = { runs: [], began: false, ended: false };
  const loads: Array<{ file: string; args: readonly string[] }> = [];
  const clock = options.clock ?? new FakeClock();
  const description = options.description ?? makeDescription();
  const dependencies: AlpakaRunDependencies = {
    registry: new ModuleRegistry(),
    loadConfiguration: async (file, args) => {
      loads.push({ file, args });
      if (options.loadError !== undefined) throw options.loadError;
      return { description };
    },
    createEventProcessor: fakeEventProcessorFactory({ clock, ...options.behaviour }, record),
    formatConfiguration: (described) => `process = Process("${described.name}")`,
    describeModule: async (typeName) => `${typeName}\n  parameters: none`,
    listModules: async () => ['IntProducer', 'IntAnalyzer'],
  };
  return { stdout: new CapturedOutput(), stderr: new CapturedOutput(), record, loads, dependencies, clock };
}
