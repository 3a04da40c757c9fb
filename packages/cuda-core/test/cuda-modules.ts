// Modules written as CMSSW's CUDACore README shows them, over a CUDAService of the mock accelerator (non-blocking
// streams, events, no readable device memory): what each did is journaled, in the order it happened.

import { standInCudaBackend } from '@alpaka-ts/backend-cuda/testing';
import {
  type ConstEvent,
  cms,
  createEventProcessor,
  type EDGetToken,
  type EDPutToken,
  type Event,
  type EventSetup,
  type ModuleClass,
  ModuleRegistry,
  makeWaitingTaskHolder,
  namedProductType,
  type ParameterSet,
  registerBuiltInModules,
  stream,
  type WaitingTaskWithArenaHolder,
} from '@alpaka-ts/core';
import { createMockAcceleratorBackend, type MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import {
  ContextState,
  CUDAService,
  type Product,
  ScopedContextAcquire,
  ScopedContextAnalyze,
  ScopedContextProduce,
} from '../src';

export const journal: string[] = [];
/** The stream each module used, by `label:event`. */
export const streamsUsed = new Map<string, unknown>();
export const ValuesProduct = namedProductType<Product<number[]>>('cms::cuda::Product<Values>');

export let cuda: CUDAService;
/** What the tests run on: the mock accelerator, or cuda_async over the GPU kit's stand-in of the CUDA driver. */
export type Driver = 'mock' | 'stand-in';

export function setUpCuda(driver: Driver = 'mock', deviceCount = 1): { eventWaits(): number } {
  journal.length = 0;
  streamsUsed.clear();
  if (driver === 'stand-in') {
    const standIn = standInCudaBackend();
    cuda = new CUDAService(standIn.backend);
    return { eventWaits: () => standIn.calls.filter((call) => call.startsWith('wait ')).length };
  }
  const mock: MockAcceleratorBackend = createMockAcceleratorBackend({
    name: `mock_cuda_core_${Math.random().toString(36).slice(2)}`,
    deviceCount,
  });
  cuda = new CUDAService(mock);
  return { eventWaits: () => mock.statistics().eventWaits };
}

const onStream = (context: { stream: { enqueue(task: () => void): void } }, entry: string) =>
  context.stream.enqueue(() => {
    journal.push(entry);
  });

/** "Producer with CUDA output": puts a cuda Product made on its stream. */
export class CudaProducer extends stream.EDProducer {
  readonly #output = this.produces(ValuesProduct);
  produce(event: Event): void {
    using context = new ScopedContextProduce(cuda, event);
    onStream(context, `${this.moduleLabel}:gpu:${event.id().event}`);
    streamsUsed.set(`${this.moduleLabel}:${event.id().event}`, context.stream);
    event.put(this.#output, context.wrap([event.id().event, 2, 3]));
  }
}

/** "Producer with CUDA input and output": reads a Product on its context, puts another. */
export class CudaTransformer extends stream.EDProducer {
  readonly #input: EDGetToken<Product<number[]>>;
  readonly #output = this.produces(ValuesProduct);
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(ValuesProduct, parameters.getParameter<string>('source'));
  }
  produce(event: Event): void {
    const product = event.get(this.#input);
    using context = ScopedContextProduce.fromProduct(cuda, event, product);
    const values = context.get(product);
    onStream(context, `${this.moduleLabel}:gpu:${event.id().event}`);
    streamsUsed.set(`${this.moduleLabel}:${event.id().event}`, context.stream);
    event.put(this.#output, context.wrap(values.map((value) => value * 10)));
  }
}

/** "Producer with CUDA input, ExternalWork": acquire with a ContextState and tasks 1, 2, 3; produce from it. */
export class CudaExternalWork extends stream.EDProducerExternalWork {
  readonly #input: EDGetToken<Product<number[]>>;
  readonly #output: EDPutToken<number[]>;
  readonly #state = new ContextState();
  readonly #failInTask: number;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(ValuesProduct, parameters.getParameter<string>('source'));
    this.#output = this.produces(namedProductType<number[]>('Values'));
    this.#failInTask = parameters.exists('failInTask') ? parameters.getParameter<number>('failInTask') : 0;
  }
  acquire(event: ConstEvent, _setup: EventSetup, holder: WaitingTaskWithArenaHolder): void {
    const product = event.get(this.#input);
    if (this.parameters.exists('withoutState')) {
      using context = ScopedContextAcquire.fromProduct(cuda, event, product, holder);
      try {
        context.pushNextTask(() => {});
      } catch (error) {
        journal.push((error as Error).message);
      }
      return;
    }
    if (this.parameters.exists('replaceHolder')) {
      // CMSSW's replaceWaitingTaskHolder: the replacement decides when produce may run (here: after a journal entry).
      const keep = holder.copy();
      using context = ScopedContextAcquire.fromProduct(cuda, event, product, holder, this.#state);
      onStream(context, 'acquire:gpu');
      context.replaceWaitingTaskHolder(
        makeWaitingTaskHolder((error) => {
          journal.push('replacement ran');
          keep.doneWaiting(error);
        }),
      );
      return;
    }
    using context = ScopedContextAcquire.fromProduct(cuda, event, product, holder, this.#state);
    context.get(product);
    onStream(context, 'acquire:gpu');
    for (const task of [1, 2, 3])
      context.pushNextTask((taskContext) => {
        journal.push(`task${task}`);
        if (task === this.#failInTask) throw new Error(`task ${task} fails, as asked`);
        // `asyncTasks: N`: each task enqueues its GPU work a timer later, then settles its promise (task N rejects).
        if (!this.parameters.exists('asyncTasks')) {
          onStream(taskContext, `task${task}:gpu`);
          return undefined;
        }
        const rejects = this.parameters.getParameter<number>('asyncTasks') === task;
        return new Promise<void>((resolve, reject) =>
          setTimeout(() => {
            journal.push(`task${task}:settled`);
            if (rejects) return reject(new Error(`task ${task} rejects, as asked`));
            onStream(taskContext, `task${task}:gpu`);
            resolve();
          }, 2),
        );
      });
  }
  produce(event: Event): void {
    journal.push('produce');
    if (this.parameters.exists('withoutState')) return;
    using context = ScopedContextProduce.fromState(cuda, event, this.#state);
    streamsUsed.set(`${this.moduleLabel}:${event.id().event}`, context.stream);
    event.put(this.#output, [event.id().event]);
  }
}

/** Keeps a product of stream 0's device and reads it from a context of stream 1's: refused. */
let kept: Product<number[]> | undefined;
export class CudaDeviceMismatch extends stream.EDProducer {
  readonly #input = this.consumes(ValuesProduct, 'producer');
  produce(event: Event): void {
    const product = event.get(this.#input);
    if (event.streamID() === 0) {
      kept = product;
      return;
    }
    if (kept === undefined) return;
    using context = new ScopedContextProduce(cuda, event);
    try {
      context.get(kept);
    } catch (error) {
      journal.push(`mismatch: ${(error as Error).message}`);
    }
  }
}

/** "Analyzer with CUDA input". */
export class CudaAnalyzer extends stream.EDAnalyzer {
  readonly #input: EDGetToken<Product<number[]>>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(ValuesProduct, parameters.getParameter<string>('source'));
  }
  analyze(event: ConstEvent): void {
    const product = event.get(this.#input);
    const context = new ScopedContextAnalyze(cuda, event, product);
    journal.push(`${this.moduleLabel}:${context.get(product).join(',')}`);
    streamsUsed.set(`${this.moduleLabel}:${event.id().event}`, context.stream);
  }
}

export type JobFailure = { category: string; message: string } | undefined;

/** Runs `build`'s configuration on the modules above; resolves to its failure, if any. */
export async function runJob(
  build: (process: ReturnType<typeof cms.Process>) => void,
  streams = 1,
  moreModules: readonly ModuleClass[] = [],
): Promise<JobFailure> {
  const process = cms.Process('CUDA');
  process.source = cms.Source('EmptySource');
  build(process);
  const registry = registerBuiltInModules(new ModuleRegistry())
    .register(CudaProducer)
    .register(CudaTransformer)
    .register(CudaExternalWork)
    .register(CudaAnalyzer)
    .register(CudaDeviceMismatch);
  for (const moduleClass of moreModules) registry.register(moduleClass);
  const processor = await createEventProcessor(process.toDescription(), {
    registry,
    numberOfThreads: streams,
    numberOfStreams: streams,
  });
  await processor.beginJob();
  const failure = await processor.run().then(
    () => undefined,
    (error: unknown) => error as JobFailure,
  );
  await processor.endJob();
  return failure;
}
