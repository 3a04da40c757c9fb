// Builds and runs the EventSetup test jobs with the configuration language, as a configuration file would:
// EmptySource, EmptyESSources for records A, B and C, the port's ES producers, and the test readers.

import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import {
  ActivityRegistry,
  cms,
  createEventProcessor,
  isFrameworkError,
  type ModuleClass,
  ModuleRegistry,
  type Process,
  registerBuiltInEventSetupModules,
  registerBuiltInModules,
} from '@alpaka-ts/core';
import { registerBackendIdentity } from '@alpaka-ts/core/alpaka';
import { registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend, type MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { registerESTestCopies } from '../src/data-formats/es-test-copies';
import { registerTestCopies } from '../src/data-formats/test-copies';

registerTestCopies();
registerESTestCopies();

let mocks = 0;
/** A fresh mock accelerator (non-host memory, non-blocking queues), its kernels run by serial_sync's runner. */
export function registerMockBackend(deviceCount = 1): MockAcceleratorBackend {
  mocks += 1;
  const name = `mock_es_${mocks}`;
  const mock = createMockAcceleratorBackend({ name, kernelRunner: serialKernelRunner, deviceCount });
  registerBackend(mock);
  registerBackendIdentity(name, { value: 200 + mocks, typeSuffix: `MockES${mocks}` });
  return mock;
}

/** A registry with the framework's modules and these classes under their names. */
export function registry(...classes: readonly unknown[]): ModuleRegistry {
  const result = registerBuiltInEventSetupModules(registerBuiltInModules(new ModuleRegistry()));
  for (const moduleClass of classes) result.register(moduleClass as ModuleClass);
  return result;
}

/** EmptyESSources of records A, B and C, each with its own first runs of validity. */
export function addRecordSources(
  process: Process,
  firstValid: { readonly A?: readonly number[]; readonly B?: readonly number[]; readonly C?: readonly number[] } = {},
): void {
  for (const record of ['A', 'B', 'C'] as const) {
    (process as unknown as Record<string, unknown>)[`source${record}`] = cms.ESSource('EmptyESSource', {
      recordName: cms.string(`AlpakaESTestRecord${record}`),
      firstValid: cms.vuint32(...(firstValid[record] ?? [1])),
      iovIsRunNotTime: cms.bool(true),
    });
  }
}

/** A process with EmptySource (`eventsInRun` events per run), `events` events, `streams` streams. */
export function testProcess(events: number, eventsInRun = 100, streams = 1): Process {
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource', { numberEventsInRun: cms.untracked.uint32(eventsInRun) });
  process.maxEvents.input = events;
  process.options.numberOfThreads = streams;
  process.options.numberOfStreams = streams;
  return process;
}

/** testAlpakaModules_cfg.py's EventSetup: host inputs 42 / 314159 / 27 and the alpaka producers with its labels. */
export function addEventSetup(process: Process, backend: string): void {
  const p = process as unknown as Record<string, unknown>;
  p.esProducerA = cms.ESProducer('TestESProducerA', { value: cms.int32(42) });
  p.esProducerB = cms.ESProducer('TestESProducerB', { value: cms.int32(314159) });
  p.esProducerC = cms.ESProducer('TestESProducerC', { value: cms.int32(27) });
  p.alpakaESProducerA = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerA`, {
    appendToDataLabel: cms.string('appendedLabel'),
  });
  p.alpakaESProducerAMulti = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerAMulti`, {
    appendToDataLabel: cms.string('appendedLabel'),
  });
  p.alpakaESProducerB = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerB`, {
    explicitLabel: cms.string('explicitLabel'),
  });
  p.alpakaESProducerC = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerC`);
  p.alpakaESProducerD = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerD`, {
    srcA: cms.ESInputTag('', 'appendedLabel'),
    srcB: cms.ESInputTag('', 'explicitLabel'),
  });
  p.alpakaESProducerE = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerE`);
  p.alpakaESProducerNull = cms.ESProducer(`alpaka_${backend}::TestAlpakaESProducerNull`, {
    appendToDataLabel: cms.string('null'),
  });
}

/** beginJob, every event, endJob. */
export async function run(process: Process, moduleRegistry: ModuleRegistry): Promise<void> {
  const processor = await createEventProcessor(process.toDescription(), {
    registry: moduleRegistry,
    activityRegistry: new ActivityRegistry(),
  });
  await processor.beginJob();
  try {
    await processor.run();
  } finally {
    await processor.endJob();
  }
}

/** The category and message of the FrameworkError a job fails with. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ category: string; message: string; exitCode: number }> {
  try {
    await promise;
  } catch (thrown) {
    if (isFrameworkError(thrown))
      return { category: thrown.category, message: thrown.message, exitCode: thrown.exitCode };
    throw thrown;
  }
  throw new Error('the job did not fail');
}
