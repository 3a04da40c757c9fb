// The modules of the write/read jobs in the tests: a producer of a collection (every kind of field, values
// from the event number) and an int, skipping the collection in events divisible by `skipEvery`, and an
// analyzer that keeps what it read.
import {
  type ConstEvent,
  cms,
  createEventProcessor,
  type EDGetToken,
  type Event,
  global,
  ModuleRegistry,
  type ParameterSet,
  productTypes,
  registerBuiltInModules,
} from '@alpaka-ts/core';
import { bool, f32, f64, host, i16, i32 } from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';
import { ArrowOutputModule, ArrowSource } from '../src';
import { ShapesProducer, ShapesReader } from './shape-modules';

export const JobHits = defineLayout('ArrowJobHits', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'column', name: 'good', elementType: bool },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 2, columns: 2 },
  { kind: 'scalar', name: 'count', elementType: i32 },
]);

/** The collection the producer puts in `event`: its size and every value depend on the event number. */
export function hitsFor(event: number): PortableHostCollection {
  const size = 3 + (event % 4);
  const hits = new PortableHostCollection(JobHits, size, host());
  const view = hits.view();
  const columns = view.columns as Record<string, Float32Array & Uint8Array & Int16Array>;
  for (let i = 0; i < size; i++) {
    (columns.x as Float32Array)[i] = Math.fround(event + i / 7);
    (columns.good as Uint8Array)[i] = (event + i) % 2;
    for (let j = 0; j < 3; j++) (columns.flags as Int16Array)[i * 3 + j] = event * 100 - i * 3 - j;
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) view.matrix('m').set(i, r, c, event / 3 + r + c * 10 + i);
  }
  view.scalars.count = -event;
  return hits;
}

export class HitsProducer extends global.EDProducer {
  readonly #hits = this.produces(PortableHostCollection);
  readonly #count = this.produces(productTypes.int, 'count');
  readonly #skipEvery: number = this.parameters.getParameter<number>('skipEvery');
  /** An event at which the job fails (0: none), for the tests of what a failed job leaves. */
  readonly #failAt: number = this.parameters.exists('failAt') ? this.parameters.getParameter<number>('failAt') : 0;
  produce(_stream: number, event: Event): void {
    const number = event.id().event;
    if (number === this.#failAt) throw new Error(`HitsProducer fails at event ${number}, as asked`);
    if (this.#skipEvery === 0 || number % this.#skipEvery !== 0) event.put(this.#hits, hitsFor(number));
    event.put(this.#count, number * 2);
  }
}

/** What every HitsReader read, by label: event number → bytes of the collection (or 'absent') and the count. */
export const readBack = new Map<string, Map<number, { hits: number[] | 'absent'; count: number }>>();
/** How many events each HitsReader analyzed, by label (readBack keeps one entry per event number). */
export const analyzed = new Map<string, number>();

export class HitsReader extends global.EDAnalyzer {
  readonly #hits: EDGetToken<PortableHostCollection>;
  readonly #count: EDGetToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#hits = this.consumes(PortableHostCollection, 'producer');
    this.#count = this.consumes(productTypes.int, 'producer:count');
    readBack.set(this.moduleLabel, new Map());
  }
  analyze(_stream: number, event: ConstEvent): void {
    analyzed.set(this.moduleLabel, (analyzed.get(this.moduleLabel) ?? 0) + 1);
    const handle = event.getHandle(this.#hits);
    readBack.get(this.moduleLabel)?.set(event.id().event, {
      hits: handle.isValid() ? Array.from(handle.product().buffer.hostArray()) : 'absent',
      count: event.get(this.#count),
    });
  }
}

export const jobRegistry = () =>
  registerBuiltInModules(new ModuleRegistry())
    .register(HitsProducer)
    .register(HitsReader)
    .register(ShapesProducer)
    .register(ShapesReader)
    .register(ArrowOutputModule)
    .register(ArrowSource);

/** How a job failed (a FrameworkError's category, message and exit code). */
export type JobFailure = { category: string; message: string; exitCode: number };

/** Runs the job `build` configures; its failure, or undefined when it succeeded. */
export async function runJob(
  build: (process: ReturnType<typeof cms.Process>) => void,
  processName: string,
  registry: ModuleRegistry = jobRegistry(),
): Promise<JobFailure | undefined> {
  const process = cms.Process(processName);
  build(process);
  try {
    const processor = await createEventProcessor(process.toDescription(), { registry });
    await processor.beginJob();
    const failure = await processor.run().then(
      () => undefined,
      (error: unknown) => error,
    );
    await processor.endJob();
    return failure as JobFailure | undefined;
  } catch (error) {
    return error as JobFailure; // the source's constructor: a file it cannot open
  }
}

/** A job writing `events` events of run 1 from firstEvent on with HitsProducer into the Arrow folder `fileName`. */
export function writeHits(
  fileName: string,
  options: {
    readonly events: number;
    readonly firstEvent?: number;
    readonly skipEvery?: number;
    readonly outputCommands?: readonly string[];
    readonly processName?: string;
    readonly failAt?: number;
  },
): Promise<JobFailure | undefined> {
  return runJob((process) => {
    process.source = cms.Source('EmptySource', { firstEvent: cms.untracked.uint32(options.firstEvent ?? 1) });
    process.maxEvents.input = options.events;
    process.producer = cms.EDProducer('HitsProducer', {
      skipEvery: cms.int32(options.skipEvery ?? 0),
      failAt: cms.int32(options.failAt ?? 0),
    });
    process.output = cms.OutputModule('ArrowOutputModule', {
      fileName: cms.untracked.string(fileName),
      outputCommands: cms.untracked.vstring(...(options.outputCommands ?? ['keep *'])),
    });
    process.p = cms.Path(process.producer);
    process.e = cms.EndPath(process.output);
  }, options.processName ?? 'WRITE');
}
