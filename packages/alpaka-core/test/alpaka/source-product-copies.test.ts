// The implicit host→device copy of what the source put (a product read from a file is a host collection like
// any other): made by the framework for a device consumer, once per event however many consume it, only when
// one does, on the consumer's backend; on serial_sync the consumer reads the source's product as it is.

import { allocBuf, host, i32, loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import type { EDPutToken } from '../../src/modules/ed-get-token';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { EmptySource } from '../../src/sources/empty-source';
import type { SourceEvent } from '../../src/sources/input-source';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import {
  CountsAnalyzer,
  CountsConsumer,
  copies,
  HostCounts,
  HostCountsProducer,
  journal,
  puts,
  registerSemanticsMock,
  resetRecords,
} from './semantics-test-modules';

const counts = (value: number) => {
  const product = new HostCounts(allocBuf(host(), i32, 4));
  product.values.hostArray().fill(value);
  return product;
};

/**
 * Puts HostCounts `raw` of process HLT (as a file written by an earlier job holds it): 4 values, the event number;
 * as RerunCountsSource also `raw` of the later process REHLT (100 × the event number); as GappyCountsSource not in
 * event 2.
 */
class CountsSource extends EmptySource {
  readonly #raw: EDPutToken<HostCounts>;
  readonly #rerun: EDPutToken<HostCounts> | undefined;
  readonly #skip: number;
  constructor(parameters: ParameterSet, variant: { rerun?: boolean; skip?: number } = {}) {
    super(parameters);
    this.#raw = this.producesFromProcess(HostCounts, 'raw', '', 'HLT');
    this.#rerun = variant.rerun === true ? this.producesFromProcess(HostCounts, 'raw', '', 'REHLT') : undefined;
    this.#skip = variant.skip ?? 0;
  }
  override fillEvent(event: Event, sourceEvent: SourceEvent): void {
    const number = sourceEvent.id.event;
    if (number === this.#skip) return;
    const product = counts(number);
    puts.set(`source:${number}`, product);
    event.put(this.#raw, product);
    if (this.#rerun !== undefined) event.put(this.#rerun, counts(100 * number));
  }
}

class RerunCountsSource extends CountsSource {
  constructor(parameters: ParameterSet) {
    super(parameters, { rerun: true });
  }
}

class GappyCountsSource extends CountsSource {
  constructor(parameters: ParameterSet) {
    super(parameters, { skip: 2 });
  }
}

const registry = () =>
  makeRegistry(CountsSource, RerunCountsSource, GappyCountsSource, CountsConsumer, CountsAnalyzer, HostCountsProducer);
const analyzer = (source: string) => ({
  type: 'CountsAnalyzer',
  edmType: 'EDAnalyzer' as const,
  parameters: (p: ParameterSet) => p.addParameter('source', 'string', source),
});
const consumer = (backend: string, add: number) => ({
  type: `alpaka_${backend}::CountsConsumer`,
  parameters: (p: ParameterSet) => p.addParameter('source', 'string', 'raw').addParameter('add', 'int32', add),
});

/** Device consumers of `raw` (adding 1, 2, …), each with a host analyzer of its output, and a host analyzer of `raw`. */
function job(backend: string, deviceConsumers: number, extra: Record<string, ReturnType<typeof consumer>> = {}) {
  const modules: Record<string, ReturnType<typeof consumer> | ReturnType<typeof analyzer>> = {
    rawReader: analyzer('raw'),
  };
  const path = ['rawReader'];
  for (let index = 1; index <= deviceConsumers; index++) {
    modules[`consumer${index}`] = consumer(backend, index);
    modules[`reader${index}`] = analyzer(`consumer${index}`);
    path.push(`consumer${index}`, `reader${index}`);
  }
  for (const [label, module] of Object.entries(extra)) {
    modules[label] = module;
    path.unshift(label);
  }
  return makeProcess({ maxEvents: 3, source: { type: 'CountsSource' }, modules, paths: { p: path } });
}

const analyzed = (label: string) => journal.filter((line) => line.startsWith(`${label}:analyze:`));

beforeEach(() => {
  resetRecords();
});

describe('the implicit copy to the device of a source product', async () => {
  await loadBackend('serial_sync');

  it('on the mock: is made for a device consumer, and the consumer computes on the copied values', async () => {
    const mock = registerSemanticsMock();
    await runProcess(job(mock.name, 1), registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(3);
    // Per event: the source product to the device, then the consumer's output back for its host reader.
    expect(copies).toEqual(Array.from({ length: 3 }, () => ['toDevice', 'toHost', 'postCopy']).flat());
    // 4 × (event + 1), computed on the device from the copy.
    expect(analyzed('reader1')).toEqual([
      'reader1:analyze:1:8:8',
      'reader1:analyze:2:12:12',
      'reader1:analyze:3:16:16',
    ]);
    // Host consumers read the source's product itself.
    expect(puts.get('rawReader:2')).toBe(puts.get('source:2'));
  });

  it('on the mock: is made once per event for several device consumers', async () => {
    const mock = registerSemanticsMock();
    await runProcess(job(mock.name, 3), registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(3);
    expect(analyzed('reader3')).toEqual([
      'reader3:analyze:1:16:16',
      'reader3:analyze:2:20:20',
      'reader3:analyze:3:24:24',
    ]);
  });

  it('on the mock: is not made when only host modules consume the product', async () => {
    const mock = registerSemanticsMock();
    await runProcess(job(mock.name, 0), registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(0);
    expect(copies).toEqual([]);
    expect(analyzed('rawReader')).toHaveLength(3);
  });

  it("on the mock: a module of this process putting the same label answers instead, the source's is not copied", async () => {
    const mock = registerSemanticsMock();
    const raw = {
      type: `alpaka_${mock.name}::HostCountsProducer`,
      parameters: (p: ParameterSet) => p.addParameter('value', 'int32', 7),
    };
    await runProcess(job(mock.name, 1, { raw }), registry());
    // The copies are the producer's (4 × (7 + 1)), not the source's.
    expect(mock.statistics().hostToDeviceCopies).toBe(3);
    expect(analyzed('reader1')).toEqual([
      'reader1:analyze:1:32:32',
      'reader1:analyze:2:32:32',
      'reader1:analyze:3:32:32',
    ]);
  });

  it("on serial_sync: nothing is copied, the device consumer reads the source's product", async () => {
    await runProcess(job('serial_sync', 1), registry());
    expect(copies).toEqual([]);
    expect(analyzed('reader1')).toEqual([
      'reader1:analyze:1:8:undefined',
      'reader1:analyze:2:12:undefined',
      'reader1:analyze:3:16:undefined',
    ]);
  });
});

describe('the implicit copy of a source product, across processes, backends and streams', async () => {
  await loadBackend('serial_sync');
  const readerOf = (label: string) => analyzer(label);

  it.each([
    ['raw::HLT first', ['old', 'new']],
    ['raw first', ['new', 'old']],
  ])('gives each consumer the copy of the product its tag finds, whatever the module order (%s)', async (_, order) => {
    const mock = registerSemanticsMock();
    const consumers = {
      old: {
        type: `alpaka_${mock.name}::CountsConsumer`,
        parameters: (p: ParameterSet) => p.addParameter('source', 'string', 'raw::HLT'),
      },
      new: consumer(mock.name, 1),
    };
    const modules: Record<string, unknown> = {};
    for (const label of order as string[]) modules[label] = consumers[label as 'old' | 'new'];
    modules.oldReader = readerOf('old');
    modules.newReader = readerOf('new');
    modules.hostReader = analyzer('raw');
    const description = makeProcess({
      maxEvents: 2,
      source: { type: 'RerunCountsSource' },
      modules: modules as never,
      paths: { p: [...(order as string[]), 'oldReader', 'newReader', 'hostReader'] },
    });
    await runProcess(description, registry());
    // raw::HLT holds the event number, raw (REHLT, the newer process, as the host reader sees) 100 × it; each + 1.
    expect(analyzed('oldReader')).toEqual(['oldReader:analyze:1:8:8', 'oldReader:analyze:2:12:12']);
    expect(analyzed('newReader')).toEqual(['newReader:analyze:1:404:404', 'newReader:analyze:2:804:804']);
    expect(analyzed('hostReader')).toEqual([
      'hostReader:analyze:1:400:undefined',
      'hostReader:analyze:2:800:undefined',
    ]);
  });

  it('refuses, at start-up, device consumers of one source product on two backends, naming both', async () => {
    const first = registerSemanticsMock();
    const second = registerSemanticsMock();
    const description = makeProcess({
      maxEvents: 1,
      source: { type: 'CountsSource' },
      modules: { one: consumer(first.name, 1), two: consumer(second.name, 2) },
      paths: { p: ['one', 'two'] },
    });
    await expect(runProcess(description, registry())).rejects.toMatchObject({
      category: 'Configuration',
      message: expect.stringContaining(
        `The modules 'one' (backend ${first.name}) and 'two' (backend ${second.name}) both read HostCounts_raw__HLT from the source`,
      ),
    });
    expect(first.statistics().hostToDeviceCopies + second.statistics().hostToDeviceCopies).toBe(0);
  });

  it("with 2 EDM streams: each stream's instance of the stream module makes its stream's copies", async () => {
    const mock = registerSemanticsMock();
    const description = makeProcess({
      maxEvents: 6,
      numberOfThreads: 2,
      numberOfStreams: 2,
      source: { type: 'CountsSource' },
      modules: { consumer1: consumer(mock.name, 1), reader1: analyzer('consumer1') },
      paths: { p: ['consumer1', 'reader1'] },
    });
    await runProcess(description, registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(6);
    expect(analyzed('reader1').sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((event) => `reader1:analyze:${event}:${4 * (event + 1)}:${4 * (event + 1)}`).sort(),
    );
  });

  it('makes no copy in an event without the source product; the consumer then fails with ProductNotFound', async () => {
    const mock = registerSemanticsMock();
    const description = makeProcess({
      maxEvents: 3,
      source: { type: 'GappyCountsSource' },
      modules: { consumer1: consumer(mock.name, 1) },
      paths: { p: ['consumer1'] },
    });
    await expect(runProcess(description, registry())).rejects.toMatchObject({ category: 'ProductNotFound' });
    expect(mock.statistics().hostToDeviceCopies).toBe(1);
    await mock.drain();
  });
});
