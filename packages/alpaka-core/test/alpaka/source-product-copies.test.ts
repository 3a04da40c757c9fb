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

/** Puts HostCounts `raw` of process HLT (as a file written by an earlier job holds it): 4 values, the event number. */
class CountsSource extends EmptySource {
  readonly #raw: EDPutToken<HostCounts>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#raw = this.producesFromProcess(HostCounts, 'raw', '', 'HLT');
  }
  override fillEvent(event: Event, sourceEvent: SourceEvent): void {
    const product = new HostCounts(allocBuf(host(), i32, 4));
    product.values.hostArray().fill(sourceEvent.id.event);
    puts.set(`source:${sourceEvent.id.event}`, product);
    event.put(this.#raw, product);
  }
}

const registry = () => makeRegistry(CountsSource, CountsConsumer, CountsAnalyzer, HostCountsProducer);
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
