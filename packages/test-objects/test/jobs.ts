// Jobs for the module tests, through the public API: a cms.Process of the modules under test (types spelled
// alpaka_<backend>::Name, so each runs on the backend the test names) and host recorders that hand what they
// read to the test while the event is processed, after the framework's implicit copies to the host.
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import {
  type ConstEvent,
  cms,
  createEventProcessor,
  FrameworkError,
  global,
  isFrameworkError,
  type ModuleClass,
  ModuleRegistry,
  type ParameterSet,
  type Process,
  registerBuiltInModules,
} from '@alpaka-ts/core';
import { registerBackendIdentity } from '@alpaka-ts/core/alpaka';
import { registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend, type MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { boolProduct } from '../src/data-formats/bool-product';
import { IntProduct } from '../src/data-formats/int-product';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';
import { registerTestCopies } from '../src/data-formats/test-copies';
import { TestHostObject } from '../src/data-formats/test-objects';
import { TestProductWithPtrHost } from '../src/data-formats/test-product-with-ptr';

registerTestCopies();

const recordedTypes = {
  collection: TestHostCollection,
  multi2: TestHostMultiCollection2,
  multi3: TestHostMultiCollection3,
  object: TestHostObject,
  withPtr: TestProductWithPtrHost,
  bool: boolProduct,
  int: IntProduct,
} as const;
export type RecordedKind = keyof typeof recordedTypes;

/** What each recorder (by label) does with the product it reads; set by the test. */
export const inspections = new Map<string, (product: never, event: number) => void>();

/** A host analyzer: reads `source` as the host type of `kind` and hands it to inspections.get(label). */
export class HostRecorder extends global.EDAnalyzer {
  readonly #token;
  constructor(parameters: ParameterSet) {
    super(parameters);
    const kind = parameters.getParameter<RecordedKind>('kind');
    this.#token = this.consumes(recordedTypes[kind] as never, parameters.getParameter('source'));
  }
  analyze(_streamID: number, event: ConstEvent): void {
    const inspect = inspections.get(this.moduleLabel);
    if (inspect === undefined) throw new FrameworkError('LogicError', `no inspection for ${this.moduleLabel}`);
    inspect(event.get(this.#token) as never, Number(event.id().event));
  }
}

/** A recorder of `source` (an InputTag's label[:instance]) as `kind`. */
export const recorder = (source: string, kind: RecordedKind) => {
  const [label = '', instance = ''] = source.split(':');
  return cms.EDAnalyzer('HostRecorder', { source: cms.InputTag(label, instance), kind: cms.string(kind) });
};

let mocks = 0;

/** A fresh mock accelerator (memory JavaScript cannot read, non-blocking queues), registered under its own name. */
export function registerMock(): MockAcceleratorBackend {
  mocks += 1;
  const name = `mock_async_${mocks}`;
  const mock = createMockAcceleratorBackend({ name, kernelRunner: serialKernelRunner });
  registerBackend(mock);
  registerBackendIdentity(name, { value: 200 + mocks, typeSuffix: `MockAsync${mocks}` });
  return mock;
}

/** A process with EmptySource and `events` events. */
export function newProcess(events = 2): Process {
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource');
  process.maxEvents = { input: cms.untracked.int32(events) };
  return process;
}

/** beginJob, run, endJob, with the module classes and HostRecorder known by name. */
export async function runProcess(process: Process, classes: readonly unknown[]): Promise<void> {
  const registry = registerBuiltInModules(new ModuleRegistry());
  for (const moduleClass of [HostRecorder, ...classes]) registry.register(moduleClass as ModuleClass);
  const processor = await createEventProcessor(process.toDescription(), { registry });
  await processor.beginJob();
  try {
    await processor.run();
  } finally {
    await processor.endJob();
  }
}

/** The FrameworkError a job ended with (the test fails if it succeeded). */
export async function jobFailure(job: Promise<unknown>): Promise<FrameworkError> {
  try {
    await job;
  } catch (thrown) {
    if (isFrameworkError(thrown)) return thrown;
    throw thrown;
  }
  throw new Error('the job succeeded, but it should have failed');
}

/** The backends every module test runs on: serial_sync and a fresh mock accelerator. */
export const moduleBackends = (): string[] => ['serial_sync', registerMock().name];
