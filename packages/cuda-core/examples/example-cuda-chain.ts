import {
  type ConstEvent,
  type EDGetToken,
  type Event,
  type EventSetup,
  type ModuleClass,
  type ParameterSet,
  stream,
  type WaitingTaskWithArenaHolder,
} from '@alpaka-ts/core';
import {
  ContextState,
  type CUDAService,
  type Product,
  ScopedContextAcquire,
  ScopedContextAnalyze,
  ScopedContextProduce,
} from '@alpaka-ts/cuda-core';
import type { Buffer, f32 } from '@alpaka-ts/interface';
import { Launches, scaleAsync, toHostAsync } from './example-cuda-producers';
import { type ExampleDeviceData, ExampleDeviceDataType } from './example-data';
import { describeValues, sourceDescription } from './example-host-modules';

// The rest of the CUDACore README's examples: the internal chain of CPU and GPU tasks, input and output without
// ExternalWork, and the analyzer.

const largest = (values: ArrayLike<number>): number => {
  let result = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index++) result = Math.max(result, values[index] as number);
  return result;
};

export function createExampleCudaChain(
  serviceOf: () => CUDAService,
): Readonly<
  Record<'ExampleProducerTaskChainCUDA' | 'ExampleProducerNoExternalWorkCUDA' | 'ExampleAnalyzerCUDA', ModuleClass>
> {
  /**
   * "Producer with CUDA input and output, and internal chain of CPU and GPU tasks (with ExternalWork)": acquire
   * doubles the values on the GPU and copies them to the host; the task it pushes runs once that is done, finds
   * their maximum on the CPU and enqueues the next GPU step (values − maximum) on the same stream; produce runs
   * after that step, and wraps its result.
   */
  class ExampleProducerTaskChainCUDA extends stream.EDProducerExternalWork {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<Product<ExampleDeviceData>>;
    readonly #output = this.produces(ExampleDeviceDataType);
    readonly #state = new ContextState();
    #result: ExampleDeviceData | undefined = undefined;
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleDeviceDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription();
    acquire(event: ConstEvent, _setup: EventSetup, holder: WaitingTaskWithArenaHolder): Promise<void> {
      const product = event.get(this.#input);
      using context = ScopedContextAcquire.fromProduct(this.#cuda, event, product, holder, this.#state);
      const launches = new Launches();
      const doubled = scaleAsync(this.#cuda, context.stream, context.get(product), 2, 0, launches);
      const onHost: Buffer<typeof f32> = toHostAsync(context.stream, doubled);
      context.pushNextTask((task) => {
        // The GPU work above is done: its copy is readable here, on the CPU.
        const maximum = largest(onHost.hostArray());
        const next = new Launches();
        this.#result = scaleAsync(this.#cuda, task.stream, doubled, 1, -maximum, next);
        return next.settled();
      });
      return launches.settled();
    }
    produce(event: Event): void {
      using context = ScopedContextProduce.fromState(this.#cuda, event, this.#state);
      event.put(this.#output, context.wrap(this.#result as ExampleDeviceData));
      this.#result = undefined;
    }
  }

  /** "Producer with CUDA input and output (without ExternalWork)": the values negated, on the GPU, in produce. */
  class ExampleProducerNoExternalWorkCUDA extends stream.EDProducer {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<Product<ExampleDeviceData>>;
    readonly #output = this.produces(ExampleDeviceDataType);
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleDeviceDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription();
    produce(event: Event): Promise<void> {
      const product = event.get(this.#input);
      using context = ScopedContextProduce.fromProduct(this.#cuda, event, product);
      const launches = new Launches();
      event.put(
        this.#output,
        context.wrap(scaleAsync(this.#cuda, context.stream, context.get(product), -1, 0, launches)),
      );
      return launches.settled();
    }
  }

  /**
   * "Analyzer with CUDA input": the analysis is asynchronous on the product's stream (here a copy to the host and
   * a host task that prints the values' line once the stream reaches it).
   */
  class ExampleAnalyzerCUDA extends stream.EDAnalyzer {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<Product<ExampleDeviceData>>;
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleDeviceDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription();
    analyze(event: ConstEvent): void {
      const product = event.get(this.#input);
      const context = new ScopedContextAnalyze(this.#cuda, event, product);
      const onHost = toHostAsync(context.stream, context.get(product));
      const label = this.moduleLabel;
      const number = event.id().event;
      context.stream.enqueue(() => {
        console.log(describeValues(label, number, onHost.hostArray()));
      });
    }
  }

  return { ExampleProducerTaskChainCUDA, ExampleProducerNoExternalWorkCUDA, ExampleAnalyzerCUDA };
}
