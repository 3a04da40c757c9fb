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
  makeDeviceUnique,
  makeHostUnique,
  type Product,
  ScopedContextAcquire,
  ScopedContextProduce,
} from '@alpaka-ts/cuda-core';
import { type Buffer, f32, makeWorkDiv, memcpy, type Queue } from '@alpaka-ts/interface';
import { ExampleConditionsGPU } from './example-conditions';
import {
  calibrate,
  ExampleDeviceData as DeviceData,
  ExampleConditionsRecord,
  type ExampleDeviceData,
  ExampleDeviceDataType,
  type ExampleHostData,
  ExampleHostDataType,
  ExampleSumType,
  ExampleHostData as HostData,
  scale,
} from './example-data';
import { sourceDescription } from './example-host-modules';

// The producers of the CUDACore README, section by section. Each class is made for one CUDAService (CMSSW's
// edm::Service<CUDAService>): createExampleCudaProducers binds them.

/** A work division of `n` elements over the service's accelerator: 256 per block. */
export function elementsWorkDivision(cuda: CUDAService, n: number) {
  const perBlock = 256;
  return makeWorkDiv(cuda.accelerator(), Math.max(1, Math.ceil(n / perBlock)), perBlock);
}

/**
 * The launches of one invocation: a launch with bad arguments rejects its promise (nothing is enqueued), so the
 * module returns `settled()`, and the framework fails it with that error (CMSSW's cudaCheck after a launch).
 */
export class Launches {
  readonly #pending: Promise<void>[] = [];
  add(launch: Promise<void>): void {
    this.#pending.push(launch);
  }
  settled(): Promise<void> {
    return Promise.all(this.#pending).then(() => undefined);
  }
}

/** `input × factor + add` into a new device buffer on `stream`. */
export function scaleAsync(
  cuda: CUDAService,
  stream: Queue,
  input: ExampleDeviceData,
  factor: number,
  add: number,
  launches: Launches,
): ExampleDeviceData {
  const output = makeDeviceUnique(f32, input.size, stream);
  launches.add(
    stream.exec(elementsWorkDivision(cuda, input.size), scale, {
      input: input.values,
      output,
      factor,
      add,
      n: input.size,
    }),
  );
  return new DeviceData(output, input.size);
}

/** A copy of device values into pinned host memory on `stream` (readable once the stream has done it). */
export function toHostAsync(stream: Queue, input: ExampleDeviceData): Buffer<typeof f32> {
  const copy = makeHostUnique(f32, input.size, stream);
  memcpy(stream, copy, input.values);
  return copy;
}

export function createExampleCudaProducers(
  serviceOf: () => CUDAService,
): Readonly<
  Record<
    | 'ExampleIsolatedProducerCUDA'
    | 'ExampleProducerCUDA'
    | 'ExampleProducerFromCUDA'
    | 'ExampleProducerInputOutputCUDA',
    ModuleClass
  >
> {
  /** "Isolated producer (no CUDA input nor output)": raw values ×3 on the GPU in acquire, put on the host in produce. */
  class ExampleIsolatedProducerCUDA extends stream.EDProducerExternalWork {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<ExampleHostData>;
    readonly #output = this.produces(ExampleHostDataType);
    #result: Buffer<typeof f32> | undefined = undefined;
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleHostDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription('exampleRaw');
    acquire(event: ConstEvent, _setup: EventSetup, holder: WaitingTaskWithArenaHolder): Promise<void> {
      const raw = event.get(this.#input).values;
      using context = new ScopedContextAcquire(this.#cuda, event, holder);
      const launches = new Launches();
      const onDevice = new DeviceData(makeDeviceUnique(f32, raw.length, context.stream), raw.length);
      memcpy(context.stream, onDevice.values, raw);
      this.#result = toHostAsync(context.stream, scaleAsync(this.#cuda, context.stream, onDevice, 3, 0, launches));
      return launches.settled();
    }
    produce(event: Event): void {
      event.put(this.#output, new HostData(this.#result as Buffer<typeof f32>));
      this.#result = undefined;
    }
  }

  /** "Producer with CUDA output": the raw values calibrated on the GPU with the conditions' copy there. */
  class ExampleProducerCUDA extends stream.EDProducer {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<ExampleHostData>;
    readonly #conditions = this.esConsumes(ExampleConditionsRecord, ExampleConditionsGPU);
    readonly #output = this.produces(ExampleDeviceDataType);
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleHostDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription('exampleRaw');
    produce(event: Event, setup: EventSetup): Promise<void> {
      const raw = event.get(this.#input).values;
      using context = new ScopedContextProduce(this.#cuda, event);
      const { stream: queue } = context;
      const n = raw.length;
      const input = makeDeviceUnique(f32, n, queue);
      memcpy(queue, input, raw);
      const output = makeDeviceUnique(f32, n, queue);
      const conditions = setup.get(this.#conditions).productAsync(this.#cuda, queue);
      const launched = queue.exec(elementsWorkDivision(this.#cuda, n), calibrate, { input, conditions, output, n });
      event.put(this.#output, context.wrap(new DeviceData(output, n)));
      return launched;
    }
  }

  /** "Producer with CUDA input" (ExternalWork): the GPU values copied to the host in acquire, put in produce. */
  class ExampleProducerFromCUDA extends stream.EDProducerExternalWork {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<Product<ExampleDeviceData>>;
    readonly #output = this.produces(ExampleHostDataType);
    #onHost: Buffer<typeof f32> | undefined = undefined;
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleDeviceDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription('exampleCUDA');
    acquire(event: ConstEvent, _setup: EventSetup, holder: WaitingTaskWithArenaHolder): void {
      const product = event.get(this.#input);
      using context = ScopedContextAcquire.fromProduct(this.#cuda, event, product, holder);
      this.#onHost = toHostAsync(context.stream, context.get(product));
    }
    produce(event: Event): void {
      event.put(this.#output, new HostData(this.#onHost as Buffer<typeof f32>));
      this.#onHost = undefined;
    }
  }

  /** "Producer with CUDA input and output (with ExternalWork)": values + 10 stay on the GPU, their first reaches the host. */
  class ExampleProducerInputOutputCUDA extends stream.EDProducerExternalWork {
    readonly #cuda = serviceOf();
    readonly #input: EDGetToken<Product<ExampleDeviceData>>;
    readonly #output = this.produces(ExampleDeviceDataType);
    readonly #first = this.produces(ExampleSumType);
    readonly #state = new ContextState();
    #result: ExampleDeviceData | undefined = undefined;
    #firstOnHost: Buffer<typeof f32> | undefined = undefined;
    constructor(parameters: ParameterSet) {
      super(parameters);
      this.#input = this.consumes(ExampleDeviceDataType, parameters.getParameter<string>('src'));
    }
    static fillDescriptions = sourceDescription('exampleCUDA');
    acquire(event: ConstEvent, _setup: EventSetup, holder: WaitingTaskWithArenaHolder): Promise<void> {
      const product = event.get(this.#input);
      using context = ScopedContextAcquire.fromProduct(this.#cuda, event, product, holder, this.#state);
      const launches = new Launches();
      const result = scaleAsync(this.#cuda, context.stream, context.get(product), 1, 10, launches);
      this.#firstOnHost = toHostAsync(context.stream, result);
      this.#result = result;
      return launches.settled();
    }
    produce(event: Event): void {
      using context = ScopedContextProduce.fromState(this.#cuda, event, this.#state);
      event.put(this.#output, context.wrap(this.#result as ExampleDeviceData));
      event.put(this.#first, (this.#firstOnHost as Buffer<typeof f32>).hostArray()[0] as number);
      this.#result = undefined;
      this.#firstOnHost = undefined;
    }
  }

  return { ExampleIsolatedProducerCUDA, ExampleProducerCUDA, ExampleProducerFromCUDA, ExampleProducerInputOutputCUDA };
}
