// CMSSW's HeterogeneousCore/AlpakaCore/test/testAlpakaBackendFilter.py: Path(producer + filter + MustRunIntProducer)
// and Path(producer + ~filter + FailingProducer); the second path never runs its FailingProducer when the
// job's backend is one of the filter's. Plus the backend product's value on each backend.

import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlpakaBackendFilter } from '../../src/alpaka/alpaka-backend-filter';
import { AlpakaBackendProducer } from '../../src/alpaka/alpaka-backend-producer';
import { Backend } from '../../src/alpaka/index';
import { FrameworkError } from '../../src/errors/framework-error';
import type { ConstEvent, Event } from '../../src/event/event';
import { TriggerResults } from '../../src/event/trigger-results';
import type { EDGetToken } from '../../src/modules/ed-get-token';
import * as hostGlobal from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import { ConfigurationDescriptions } from '../../src/parameter-set/configuration-descriptions';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { CountsProducer, identityOf, journal, registerSemanticsMock, resetRecords } from './semantics-test-modules';

/** A host analyzer of the backend product (`source`, instance "backend"). */
class BackendAnalyzer extends hostGlobal.EDAnalyzer {
  readonly #input;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(productTypes.unsignedShort, `${parameters.getParameter<string>('source')}:backend`);
  }

  analyze(_streamID: number, event: ConstEvent): void {
    journal.push(`${this.moduleLabel}:backend:${event.get(this.#input)}`);
  }
}

/** CMSSW's edmtest::MustRunIntProducer: puts an int; at endJob, fails the job if it never ran for an event. */
class MustRunIntProducer extends hostGlobal.EDProducer {
  readonly #token = this.produces(productTypes.int);
  #ran = false;

  produce(_streamID: number, event: Event): void {
    this.#ran = true;
    journal.push(`${this.moduleLabel}:produce:${event.id().event}`);
    event.put(this.#token, 1);
  }

  override endJob(): void {
    if (!this.#ran) throw new FrameworkError('NotRun', 'This module should have run for event transitions');
  }
}

/** CMSSW's edmtest::FailingProducer: fails every event it runs for. */
class FailingProducer extends hostGlobal.EDProducer {
  readonly #token = this.produces(productTypes.int);

  produce(): void {
    void this.#token;
    throw new FrameworkError('NotFound', "Intentional 'NotFound' exception for testing purposes\n");
  }
}

const states: string[][] = [];

class TriggerResultsReader extends hostGlobal.EDAnalyzer {
  readonly #token: EDGetToken<TriggerResults>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#token = this.consumes(TriggerResults, 'TriggerResults');
  }
  analyze(_stream: number, event: Event): void {
    const results = event.get(this.#token);
    const row: string[] = [];
    for (let bit = 0; bit < results.size(); bit++) row.push(`${results.state(bit)}@${results.index(bit)}`);
    states.push(row);
  }
}

const registry = () =>
  makeRegistry(
    AlpakaBackendProducer,
    AlpakaBackendFilter,
    MustRunIntProducer,
    FailingProducer,
    TriggerResultsReader,
    BackendAnalyzer,
    CountsProducer,
  );

/** testAlpakaBackendFilter.py's job: the filter selects `backends`; `filter` parameters none means its defaults. */
function filterJob(backend: string, backends: readonly string[] | undefined, producerLabel = 'producer') {
  return makeProcess({
    maxEvents: 3,
    modules: {
      [producerLabel]: { type: `alpaka_${backend}::AlpakaBackendProducer` },
      filter: {
        type: 'AlpakaBackendFilter',
        edmType: 'EDFilter',
        parameters: (p) => {
          if (producerLabel !== 'alpakaBackendProducer') {
            p.addParameter('producer', 'InputTag', new InputTag(producerLabel, 'backend'));
          }
          if (backends !== undefined) p.addParameter('backends', 'vstring', backends);
        },
      },
      intProduct: { type: 'MustRunIntProducer' },
      failIntProduct: { type: 'FailingProducer' },
      reader: { type: 'TriggerResultsReader', edmType: 'EDAnalyzer' },
    },
    paths: {
      p: [producerLabel, 'filter', 'intProduct'],
      p2: [producerLabel, '!filter', 'failIntProduct'],
    },
    endPaths: { e: ['reader'] },
  });
}

/**
 * The same job with MustRunIntProducer after the vetoed filter and no FailingProducer: what succeeds when the
 * job's backend is not one of `backends` (p stops at the filter, p2 runs on).
 */
function swappedJob(backend: string, backends: readonly string[]) {
  const description = filterJob(backend, backends);
  return {
    ...description,
    modules: new Map([...description.modules].filter(([label]) => label !== 'failIntProduct')),
    paths: [
      { name: 'p', entries: description.paths[0]?.entries.slice(0, 2) ?? [] },
      {
        name: 'p2',
        entries: [
          ...(description.paths[1]?.entries.slice(0, 2) ?? []),
          { label: 'intProduct', operator: 'normal' as const },
        ],
      },
    ],
  };
}

beforeEach(() => {
  resetRecords();
  states.length = 0;
});

describe('AlpakaBackendFilter (testAlpakaBackendFilter.py)', async () => {
  await loadBackend('serial_sync');

  it('on serial_sync with backends=[SerialSync]: the first path runs MustRunIntProducer, the second never runs FailingProducer', async () => {
    const processor = await runProcess(filterJob('serial_sync', ['SerialSync']), registry());
    expect(journal).toEqual(['intProduct:produce:1', 'intProduct:produce:2', 'intProduct:produce:3']);
    // TriggerResults: p passes; p2 fails at its index 1, the vetoed filter.
    expect(states).toEqual([
      ['Pass@2', 'Fail@1'],
      ['Pass@2', 'Fail@1'],
      ['Pass@2', 'Fail@1'],
    ]);
    const report = processor.triggerReport();
    expect(report.paths.map((path) => [path.name, path.passed, path.failed])).toEqual([
      ['p', 3, 0],
      ['p2', 0, 3],
    ]);
    expect(report.modules.find((module) => module.label === 'failIntProduct')).toMatchObject({ run: 0 });
  });

  it('with its defaults (producer alpakaBackendProducer:backend, backends [SerialSync]) it passes serial_sync', async () => {
    await runProcess(filterJob('serial_sync', undefined, 'alpakaBackendProducer'), registry());
    expect(journal).toEqual(['intProduct:produce:1', 'intProduct:produce:2', 'intProduct:produce:3']);
    expect(states[0]).toEqual(['Pass@2', 'Fail@1']);
  });

  it('on the mock accelerator: passes with the mock’s type suffix listed, fails with only SerialSync', async () => {
    const mock = registerSemanticsMock();
    await runProcess(filterJob(mock.name, ['SerialSync', identityOf(mock).typeSuffix]), registry());
    expect(journal).toEqual(['intProduct:produce:1', 'intProduct:produce:2', 'intProduct:produce:3']);
    expect(states[2]).toEqual(['Pass@2', 'Fail@1']);

    resetRecords();
    states.length = 0;
    // Not selected: p stops at the filter and the veto path runs on.
    await runProcess(swappedJob(mock.name, ['SerialSync']), registry());
    expect(journal).toEqual(['intProduct:produce:1', 'intProduct:produce:2', 'intProduct:produce:3']);
    expect(states[0]).toEqual(['Fail@1', 'Pass@2']);
  });

  it('with a backend not listed, the roles swap: p stops at the filter and the veto path runs on', async () => {
    await runProcess(swappedJob('serial_sync', ['CudaAsync', 'ROCmAsync']), registry());
    expect(journal).toEqual(['intProduct:produce:1', 'intProduct:produce:2', 'intProduct:produce:3']);
    expect(states[0]).toEqual(['Fail@1', 'Pass@2']);
  });

  it('refuses a backend name CMSSW does not know, at construction', async () => {
    await expect(runProcess(filterJob('serial_sync', ['SerialSync', 'Cuda']), registry())).rejects.toMatchObject({
      category: 'EnumNotFound',
    });
  });

  it("fillDescriptions: CMSSW's parameters and defaults, default label alpakaBackendFilter", () => {
    const descriptions = new ConfigurationDescriptions('EDFilter', 'AlpakaBackendFilter');
    AlpakaBackendFilter.fillDescriptions(descriptions);
    expect(descriptions.defaultLabel).toBe('alpakaBackendFilter');
    // Validating an empty PSet inserts the defaults: producer=('alpakaBackendProducer','backend'), backends=['SerialSync'].
    const parameters = new ParameterSet();
    descriptions.validate(parameters, 'alpakaBackendFilter');
    expect(parameters.getParameter<InputTag>('producer')).toEqual(new InputTag('alpakaBackendProducer', 'backend'));
    expect(parameters.getParameter<readonly string[]>('backends')).toEqual(['SerialSync']);
    expect(descriptions.descriptionFor('alpakaBackendFilter')?.nodes).toHaveLength(2);
    const producerDescriptions = new ConfigurationDescriptions('EDProducer', 'AlpakaBackendProducer@alpaka');
    AlpakaBackendProducer.fillDescriptions(producerDescriptions);
    expect(producerDescriptions.defaultLabel).toBe('alpakaBackendProducer');
    // It takes no parameters of its own (the untracked alpaka PSet is added to every alpaka module's description).
    expect(producerDescriptions.descriptionFor('alpakaBackendProducer')?.nodes).toEqual([]);
  });
});

describe('the backend product', async () => {
  await loadBackend('serial_sync');

  const job = (backend: string) =>
    makeProcess({
      maxEvents: 2,
      modules: {
        alpakaBackendProducer: { type: `alpaka_${backend}::AlpakaBackendProducer` },
        counts: { type: `alpaka_${backend}::CountsProducer` },
        fromProducer: {
          type: 'BackendAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'alpakaBackendProducer'),
        },
        fromCounts: {
          type: 'BackendAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'counts'),
        },
      },
      paths: { p: ['alpakaBackendProducer', 'counts', 'fromProducer', 'fromCounts'] },
    });

  it('is SerialSync (0) on serial_sync, from AlpakaBackendProducer and from any alpaka producer', async () => {
    await runProcess(job('serial_sync'), registry());
    expect(journal.filter((line) => line.includes(':backend:'))).toEqual([
      `fromProducer:backend:${Backend.SerialSync}`,
      `fromCounts:backend:${Backend.SerialSync}`,
      `fromProducer:backend:${Backend.SerialSync}`,
      `fromCounts:backend:${Backend.SerialSync}`,
    ]);
    expect(Backend.SerialSync).toBe(0);
  });

  it('is the registered value on the mock accelerator', async () => {
    const mock = registerSemanticsMock();
    await runProcess(job(mock.name), registry());
    expect(journal.filter((line) => line.includes(':backend:'))).toEqual([
      `fromProducer:backend:${identityOf(mock).value}`,
      `fromCounts:backend:${identityOf(mock).value}`,
      `fromProducer:backend:${identityOf(mock).value}`,
      `fromCounts:backend:${identityOf(mock).value}`,
    ]);
  });
});
