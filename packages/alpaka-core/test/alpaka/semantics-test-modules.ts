// Small alpaka modules over a product that holds one i32 buffer, for the tests of the ED side's semantics:
// which queue each invocation got, what ran on the queues and in which order (host tasks write the journal
// when the queue reaches them), and the implicit copies of both directions with a CopyToHost that has a
// postCopy. HostCounts is the host form, DeviceCounts the device form.

import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import {
  allocAsyncBuf,
  allocBuf,
  array,
  type Buffer,
  fill,
  host,
  i32,
  kernel,
  makeWorkDiv,
  memcpy,
  type Queue,
  registerBackend,
  registerCopyToDevice,
  registerCopyToHost,
  u32,
} from '@alpaka-ts/interface';
import { createMockAcceleratorBackend, type MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import {
  type AlpakaBackendRuntime,
  alpakaProductType,
  type BackendIdentity,
  backendIdentityOf,
  type device,
  global,
  registerBackendIdentity,
  runtimeOfBackend,
  stream,
} from '../../src/alpaka/index';
import { FrameworkError } from '../../src/errors/framework-error';
import type { ConstEvent } from '../../src/event/event';
import * as hostGlobal from '../../src/modules/global-modules';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { gates } from './manual-stepping';

export class HostCounts {
  /** What postCopy saw: the sum of the values once the copy had finished (undefined: postCopy never ran). */
  sumAtPostCopy: number | undefined = undefined;
  constructor(readonly values: Buffer<typeof i32>) {}
}

export class DeviceCounts {
  constructor(readonly values: Buffer<typeof i32>) {}
}

export const CountsType = alpakaProductType(HostCounts, DeviceCounts);

/** What the copies did, in order (reset per test). */
export const copies: string[] = [];
/** What the modules and their queue work did, in order (reset per test). */
export const journal: string[] = [];
/** The queue each invocation used, by `label:event`. */
export const queues = new Map<string, Queue>();
/** The product each producer put, by `label:event`. */
export const puts = new Map<string, unknown>();

export function resetRecords(): void {
  copies.length = 0;
  journal.length = 0;
  queues.clear();
  puts.clear();
}

const sum = (values: Buffer<typeof i32>): number => values.hostArray().reduce((total, value) => total + value, 0);

registerCopyToHost(DeviceCounts, {
  copyAsync(queue, source) {
    copies.push('toHost');
    const target = new HostCounts(allocBuf(host(), i32, source.values.length));
    memcpy(queue, target.values, source.values);
    return target;
  },
  postCopy(product) {
    copies.push('postCopy');
    product.sumAtPostCopy = sum(product.values);
  },
  hostType: HostCounts,
});

registerCopyToDevice(HostCounts, {
  copyAsync(queue, source) {
    copies.push('toDevice');
    const target = new DeviceCounts(allocAsyncBuf(queue, i32, source.values.length));
    memcpy(queue, target.values, source.values);
    return target;
  },
  deviceType: DeviceCounts,
});

export const addCounts = kernel(
  'addCounts',
  { input: array(i32, 'in'), output: array(i32, 'out'), add: i32, n: u32 },
  (acc, { input, output, add, n }) => {
    for (const i of acc.uniformElements(n)) output[i] = input[i] + add;
  },
);

const integer = (parameters: ParameterSet, name: string, fallback: number): number =>
  parameters.exists(name) ? parameters.getParameter<number>(name) : fallback;

/** Enqueues `count` host tasks that write `label:task:event:i` when the queue reaches them. */
function enqueueJournalTasks(queue: Queue, label: string, eventNumber: number, count: number): void {
  for (let index = 1; index <= count; index++)
    queue.enqueue(() => void journal.push(`${label}:task:${eventNumber}:${index}`));
}

/**
 * Fills `size` counts with `value` on the event's queue, after `tasks` journal tasks; with `throwInQueue` a
 * host task on its queue throws; with `throwOnEvent` produce throws on that event after enqueueing its work;
 * with `wrongType` it puts the other memory space's class; with `gate` its
 * first host task holds the queue until the test opens that event's gate.
 */
export class CountsProducer extends global.EDProducer {
  readonly #token = this.produces(CountsType);
  readonly #size: number;
  readonly #value: number;
  readonly #tasks: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = integer(parameters, 'size', 4);
    this.#value = integer(parameters, 'value', 1);
    this.#tasks = integer(parameters, 'tasks', 0);
  }

  produce(_streamID: number, event: device.Event): void {
    const eventNumber = event.id().event;
    const label = this.moduleLabel;
    journal.push(`${label}:produce:${eventNumber}`);
    const queue = event.queue();
    queues.set(`${label}:${eventNumber}`, queue);
    if (this.parameters.exists('gate')) queue.enqueue(() => gates.wait(eventNumber));
    if (this.parameters.exists('throwInQueue')) {
      queue.enqueue(() => {
        throw new Error(`${label}: a host task failed on the queue`);
      });
    }
    enqueueJournalTasks(queue, label, eventNumber, this.#tasks);
    const values = allocAsyncBuf(queue, i32, this.#size);
    fill(queue, values, this.#value);
    const onDevice = !queue.device.isHost;
    const wrong = this.parameters.exists('wrongType');
    const product = onDevice !== wrong ? new DeviceCounts(values) : new HostCounts(values);
    puts.set(`${label}:${eventNumber}`, product);
    if (
      this.parameters.exists('throwOnEvent') &&
      this.parameters.getParameter<number>('throwOnEvent') === eventNumber
    ) {
      throw new FrameworkError('NotFound', `${label}: produce failed after enqueueing its work`);
    }
    event.put(this.#token, product as HostCounts | DeviceCounts);
  }
}

/** An alpaka producer of a host product (HostCounts, filled on the host): the device form is the implicit copy. */
export class HostCountsProducer extends global.EDProducer {
  readonly #token = this.produces(HostCounts);
  readonly #size: number;
  readonly #value: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = integer(parameters, 'size', 4);
    this.#value = integer(parameters, 'value', 1);
  }

  produce(_streamID: number, event: device.Event): void {
    journal.push(`${this.moduleLabel}:produce:${event.id().event}`);
    const product = new HostCounts(allocBuf(host(), i32, this.#size));
    product.values.hostArray().fill(this.#value);
    puts.set(`${this.moduleLabel}:${event.id().event}`, product);
    event.put(this.#token, product);
  }
}

/** Reads `source` on the device and puts it plus `add` (a kernel), after `tasks` journal tasks on its queue. */
export class CountsConsumer extends stream.EDProducer {
  readonly #input: device.EDGetToken<HostCounts | DeviceCounts>;
  readonly #output = this.produces(CountsType);
  readonly #add: number;
  readonly #tasks: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(CountsType, parameters.getParameter<string>('source'));
    this.#add = integer(parameters, 'add', 1);
    this.#tasks = integer(parameters, 'tasks', 1);
  }

  produce(event: device.Event): void {
    const eventNumber = event.id().event;
    const label = this.moduleLabel;
    journal.push(`${label}:produce:${eventNumber}`);
    // `queueFirst`: the invocation takes its own queue before it reads, so it cannot take the producer's over.
    if (this.parameters.exists('queueFirst')) event.queue();
    const input = event.get(this.#input);
    const queue = event.queue();
    queues.set(`${label}:${eventNumber}`, queue);
    enqueueJournalTasks(queue, label, eventNumber, this.#tasks);
    const n = input.values.length;
    const output = allocAsyncBuf(queue, i32, n);
    void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, Math.max(n, 1)), addCounts, {
      input: input.values,
      output,
      add: this.#add,
      n,
    });
    event.put(this.#output, queue.device.isHost ? new HostCounts(output) : new DeviceCounts(output));
  }
}

/** getHandle of a device product that nobody makes: whether it was valid, and what dereferencing it threw. */
export class MissingProductReader extends stream.EDProducer {
  readonly #input = this.consumes(CountsType, 'nobodyMakesThis');

  produce(event: device.Event): void {
    const handle = event.getHandle(this.#input);
    journal.push(`valid:${handle.isValid()}`);
    try {
      handle.product();
      journal.push('dereferenced');
    } catch (error) {
      journal.push(`threw:${(error as FrameworkError).category}`);
    }
  }
}

/** A host analyzer of HostCounts: the sum it reads and what postCopy saw. */
export class CountsAnalyzer extends hostGlobal.EDAnalyzer {
  readonly #input;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(HostCounts, parameters.getParameter<string>('source'));
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const counts = event.get(this.#input);
    const label = this.moduleLabel;
    puts.set(`${label}:${event.id().event}`, counts);
    journal.push(`${label}:analyze:${event.id().event}:${sum(counts.values)}:${String(counts.sumAtPostCopy)}`);
  }
}

/** The untracked `alpaka` PSet with `synchronize`, as ProcessAcceleratorAlpaka fills it. */
export function alpakaPSet(synchronize: boolean): ParameterSet {
  return new ParameterSet().addUntrackedParameter('synchronize', 'bool', synchronize);
}

let mocks = 0;

/** A mock accelerator backend under a fresh name (`mock_sem_<n>`), with a Backend value and type suffix of its own. */
export function registerSemanticsMock(
  options: { deviceCount?: number; stepping?: 'automatic' | 'manual' } = {},
): MockAcceleratorBackend {
  mocks += 1;
  const name = `mock_sem_${mocks}`;
  const mock = createMockAcceleratorBackend({ name, kernelRunner: serialKernelRunner, ...options });
  registerBackend(mock);
  registerBackendIdentity(name, { value: 200 + mocks, typeSuffix: `MockSem${mocks}` });
  return mock;
}

/** The Backend value and type suffix a mock was registered with. */
export function identityOf(mock: MockAcceleratorBackend): BackendIdentity {
  const identity = backendIdentityOf(mock.name);
  if (identity === undefined) throw new Error(`${mock.name} has no backend identity`);
  return identity;
}

/** The framework's runtime of a mock (its devices, queue and event caches). */
export const runtimeOf = (mock: MockAcceleratorBackend): AlpakaBackendRuntime => runtimeOfBackend(mock);
