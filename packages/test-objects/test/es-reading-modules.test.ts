import { cms, type Process } from '@alpaka-ts/core';
import { loadBackend } from '@alpaka-ts/interface';
import type { MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestAlpakaESProducerA } from '../src/es-producers/test-alpaka-es-producer-a';
import { TestAlpakaESProducerAMulti } from '../src/es-producers/test-alpaka-es-producer-a-multi';
import { TestAlpakaESProducerB } from '../src/es-producers/test-alpaka-es-producer-b';
import { TestAlpakaESProducerC } from '../src/es-producers/test-alpaka-es-producer-c';
import { TestAlpakaESProducerD } from '../src/es-producers/test-alpaka-es-producer-d';
import { TestAlpakaESProducerE } from '../src/es-producers/test-alpaka-es-producer-e';
import { TestAlpakaESProducerNull } from '../src/es-producers/test-alpaka-es-producer-null';
import { TestESProducerA, TestESProducerB, TestESProducerC } from '../src/es-producers/test-es-producers';
import { IntProducer } from '../src/modules/int-producer';
import { TestAlpakaGlobalProducer } from '../src/modules/test-alpaka-global-producer';
import { TestAlpakaGlobalProducerE } from '../src/modules/test-alpaka-global-producer-e';
import { TestAlpakaGlobalProducerNullES } from '../src/modules/test-alpaka-global-producer-null-es';
import { TestAlpakaGlobalProducerOffset } from '../src/modules/test-alpaka-global-producer-offset';
import { TestAlpakaStreamProducer } from '../src/modules/test-alpaka-stream-producer';
import { TestAlpakaStreamSynchronizingProducer } from '../src/modules/test-alpaka-stream-synchronizing-producer';
import { addEventSetup, addRecordSources, failure, registerMockBackend, registry, run, testProcess } from './es-jobs';
import { CollectionReader, collectionReadings } from './es-module-readers';

const moduleRegistry = () =>
  registry(
    ...[TestESProducerA, TestESProducerB, TestESProducerC, TestAlpakaESProducerA, TestAlpakaESProducerAMulti],
    ...[TestAlpakaESProducerB, TestAlpakaESProducerC, TestAlpakaESProducerD, TestAlpakaESProducerE],
    ...[TestAlpakaESProducerNull, TestAlpakaGlobalProducer, TestAlpakaGlobalProducerE, TestAlpakaGlobalProducerOffset],
    ...[TestAlpakaGlobalProducerNullES, TestAlpakaStreamProducer, TestAlpakaStreamSynchronizingProducer],
    ...[IntProducer, CollectionReader],
  );

type Backend = { readonly name: string; readonly mock?: MockAcceleratorBackend };
const backends: readonly [string, () => Backend][] = [
  ['serial_sync', () => ({ name: 'serial_sync' })],
  [
    'the mock accelerator',
    () => {
      const mock = registerMockBackend();
      return { name: mock.name, mock };
    },
  ],
];

/** A per-backend PSet as testAlpakaModules_cfg.py writes one, with a value for the test's backend too. */
const perBackend = (
  backend: string,
  values: readonly [number, number, number],
  own: number,
  type: 'int32' | 'double' = 'int32',
) =>
  cms.PSet({
    alpaka_serial_sync: cms[type](values[0]),
    alpaka_cuda_async: cms[type](values[1]),
    alpaka_rocm_async: cms[type](values[2]),
    ...(backend === 'serial_sync' ? {} : { [`alpaka_${backend}`]: cms[type](own) }),
  });

const sizeOn = (backend: string) => (backend === 'serial_sync' ? 10 : 7);

function job(backend: string, modules: (p: Record<string, unknown>) => readonly string[], events = 2): Process {
  const process = testProcess(events);
  addRecordSources(process);
  addEventSetup(process, backend);
  const p = process as unknown as Record<string, unknown>;
  p.intProduct = cms.EDProducer('IntProducer', { ivalue: cms.int32(42) });
  p.alpakaGlobalProducer = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducer`, {
    eventSetupSource: cms.ESInputTag('alpakaESProducerA', 'appendedLabel'),
    eventSetupSourceMulti: cms.ESInputTag('alpakaESProducerAMulti', 'appendedLabel'),
    size: perBackend(backend, [10, 20, 30], 7),
  });
  const labels = ['intProduct', 'alpakaGlobalProducer', ...modules(p)];
  process.p = cms.Path(...labels.map((label) => p[label] as Parameters<typeof cms.Path>[0]));
  return process;
}

const reader = (source: string, multi = true) =>
  cms.EDAnalyzer('CollectionReader', { source: cms.string(source), multi: cms.bool(multi) });
const zeros = (n: number) => Array(n).fill(0).join(',');
/** The three products of a producer whose every layout has `size` rows and x as given. */
const threeProducts = (label: string, size: number, x: string) => {
  const layout = (suffix: string, r: number) => `size=${size} r${suffix}=${r} x${suffix}=${x} id=i`;
  return `${label}: ${layout('', 1)} || ${layout('', 1)} | ${layout('2', 2)} || ${layout('', 1)} | ${layout('2', 2)} | ${layout('3', 3)}`;
};

beforeAll(async () => {
  await loadBackend('serial_sync');
});
beforeEach(() => {
  collectionReadings.length = 0;
});

describe.each(backends)('the ES-reading modules on %s', (_name, backendOf) => {
  it('TestAlpakaGlobalProducer puts the collection, Multi2 and Multi3 of the backend’s size, x = 0', async () => {
    const { name } = backendOf();
    await run(
      job(name, (p) => {
        p.read = reader('alpakaGlobalProducer');
        return ['read'];
      }),
      moduleRegistry(),
    );
    const size = sizeOn(name);
    expect(collectionReadings).toEqual(Array(2).fill(threeProducts('read', size, zeros(size))));
  });

  it('TestAlpakaGlobalProducer fails without a size for the running backend', async () => {
    const { name } = backendOf();
    const process = job(name, () => []);
    // Every key of CMSSW's description is required; a backend CMSSW does not have needs its own key as well.
    (process as unknown as Record<string, { size: unknown }>).alpakaGlobalProducer.size = cms.PSet({
      ...(name === 'serial_sync' ? {} : { alpaka_serial_sync: cms.int32(10) }),
      alpaka_cuda_async: cms.int32(20),
      alpaka_rocm_async: cms.int32(30),
    });
    const { category, message } = await failure(run(process, moduleRegistry()));
    expect(category).toBe('Configuration');
    expect(message).toContain(
      name === 'serial_sync'
        ? 'Missing required parameter.  It should have label "alpaka_serial_sync" and have type "tracked int32".'
        : `'alpaka_${name}' was not specified`,
    );
  });

  it('TestAlpakaGlobalProducerE adds E’s val + val2 to x of the first 5 rows of every layout', async () => {
    const { name } = backendOf();
    await run(
      job(name, (p) => {
        p.alpakaGlobalProducerE = cms.EDProducer(`alpaka_${name}::TestAlpakaGlobalProducerE`, {
          source: cms.InputTag('alpakaGlobalProducer'),
        });
        p.read = reader('alpakaGlobalProducerE');
        return ['alpakaGlobalProducerE', 'read'];
      }),
      moduleRegistry(),
    );
    const size = sizeOn(name);
    // val = 27 + 2i, val2 = 1 or 11 (ind = i % 2): 28, 40, 32, 44, 36, then 0.
    const x = [28, 40, 32, 44, 36, ...Array(size - 5).fill(0)].join(',');
    expect(collectionReadings).toEqual(Array(2).fill(threeProducts('read', size, x)));
  });

  it('TestAlpakaGlobalProducerOffset fills A’s 10 rows with the backend’s xvalue', async () => {
    const { name } = backendOf();
    await run(
      job(name, (p) => {
        // testAlpakaModulesHostAndDevice_cfg.py's A has no label.
        p.alpakaESProducerAUnlabelled = cms.ESProducer(`alpaka_${name}::TestAlpakaESProducerA`);
        p.producer = cms.EDProducer(`alpaka_${name}::TestAlpakaGlobalProducerOffset`, {
          xvalue: perBackend(name, [1, 2, 3], 2.5, 'double'),
        });
        p.read = reader('producer', false);
        return ['producer', 'read'];
      }),
      moduleRegistry(),
    );
    const x = name === 'serial_sync' ? 1 : 2.5;
    expect(collectionReadings).toEqual(Array(2).fill(`read: size=10 r=1 x=${Array(10).fill(x).join(',')} id=i`));
  });
});

describe.each(backends)('the ES-reading modules on %s, continued', (_name, backendOf) => {
  const nullESJob = (name: string, source: readonly [string, string]) =>
    job(name, (p) => {
      p.alpakaNullESConsumer = cms.EDProducer(`alpaka_${name}::TestAlpakaGlobalProducerNullES`, {
        eventSetupSource: cms.ESInputTag(...source),
      });
      return ['alpakaNullESConsumer'];
    });

  it('TestAlpakaGlobalProducerNullES finds the Null producer’s products missing, in each of the three ways', async () => {
    const { name } = backendOf();
    await run(nullESJob(name, ['', 'null']), moduleRegistry());
  });

  it('TestAlpakaGlobalProducerNullES fails with CMSSW’s Assert when the A product exists', async () => {
    const { name } = backendOf();
    const { category, message } = await failure(run(nullESJob(name, ['', 'appendedLabel']), moduleRegistry()));
    expect(category).toBe('Assert');
    expect(message).toBe('Getting AlpakaESTestDataADevice ESProduct did not throw');
  });

  const streamJob = (name: string, instance: string, expectedInt = 84) =>
    job(name, (p) => {
      p.alpakaStreamProducer = cms.EDProducer(`alpaka_${name}::TestAlpakaStreamProducer`, {
        source: cms.InputTag('intProduct'),
        eventSetupSource: cms.ESInputTag('alpakaESProducerB', 'explicitLabel'),
        productInstanceName: cms.string(instance),
        size: perBackend(name, [5, 25, 125], 3),
      });
      p.alpakaStreamSynchronizingProducer = cms.EDProducer(`alpaka_${name}::TestAlpakaStreamSynchronizingProducer`, {
        source: cms.InputTag('alpakaGlobalProducer'),
        intSource: cms.InputTag('intProduct'),
        expectedInt: cms.int32(expectedInt),
      });
      p.readStream = reader(`alpakaStreamProducer:${instance}`);
      p.readSynchronizing = reader('alpakaStreamSynchronizingProducer');
      return ['alpakaStreamProducer', 'alpakaStreamSynchronizingProducer', 'readStream', 'readSynchronizing'];
    });

  it.each(['', 'testInstance'])(
    'TestAlpakaStreamProducer puts its three products of the backend’s size under instance "%s"; the synchronizing one copies the global producer’s to the host',
    async (instance) => {
      const { name, mock } = backendOf();
      await run(streamJob(name, instance), moduleRegistry());
      const size = name === 'serial_sync' ? 5 : 3;
      const globalSize = sizeOn(name);
      // The two readers' lines may interleave differently per backend: compare each reader's own.
      const of = (label: string) => collectionReadings.filter((line) => line.startsWith(`${label}:`));
      expect(of('readStream')).toEqual(Array(2).fill(threeProducts('readStream', size, zeros(size))));
      expect(of('readSynchronizing')).toEqual(
        Array(2).fill(threeProducts('readSynchronizing', globalSize, zeros(globalSize))),
      );
      // On the accelerator the synchronizing producer's host products are its own copies of the device buffers.
      if (mock !== undefined) expect(mock.statistics().deviceToHostCopies).toBeGreaterThanOrEqual(2 * 3 * 2);
    },
  );

  it('TestAlpakaStreamSynchronizingProducer fails with CMSSW’s Assert when IntProduct + ESTestDataA is not expectedInt', async () => {
    const { name } = backendOf();
    const { category, message, exitCode } = await failure(run(streamJob(name, '', 85), moduleRegistry()));
    expect(category).toBe('Assert');
    expect(message).toBe('Expected value 85, but got 84');
    expect(exitCode).toBe(8001);
  });
});
