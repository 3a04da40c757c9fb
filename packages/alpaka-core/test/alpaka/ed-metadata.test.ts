// EDMetadata's consumer side (framework.md §B.3): the first consumer takes over the producer's queue, later ones
// wait on its event from queues of their own, the order of the queues' work follows, data of another device is
// refused, and the queue and event caches are reused rather than grown per event.

import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { EDMetadata } from '../../src/alpaka/index';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { gates, stepUntilSettled, waitUntil } from './manual-stepping';
import {
  CountsAnalyzer,
  CountsConsumer,
  CountsProducer,
  journal,
  queues,
  registerSemanticsMock,
  resetRecords,
  runtimeOf,
} from './semantics-test-modules';

const registry = () => makeRegistry(CountsProducer, CountsConsumer, CountsAnalyzer);

/** producer → first (reuses its queue) → second (waits for first: its own queue, waits on the event). */
function twoConsumers(backend: string, options: { events?: number; producer?: Record<string, number> } = {}) {
  return makeProcess({
    maxEvents: options.events ?? 2,
    modules: {
      producer: {
        type: `alpaka_${backend}::CountsProducer`,
        parameters: (p) => {
          p.addParameter('value', 'int32', 5);
          for (const [name, value] of Object.entries(options.producer ?? {})) p.addParameter(name, 'int32', value);
        },
      },
      first: {
        type: `alpaka_${backend}::CountsConsumer`,
        parameters: (p) => p.addParameter('source', 'string', 'producer').addParameter('add', 'int32', 1),
      },
      second: {
        type: `alpaka_${backend}::CountsConsumer`,
        parameters: (p) => p.addParameter('source', 'string', 'producer').addParameter('add', 'int32', 2),
      },
      firstReader: {
        type: 'CountsAnalyzer',
        edmType: 'EDAnalyzer',
        parameters: (p) => p.addParameter('source', 'string', 'first'),
      },
      secondReader: {
        type: 'CountsAnalyzer',
        edmType: 'EDAnalyzer',
        parameters: (p) => p.addParameter('source', 'string', 'second'),
      },
    },
    // `|second`: second starts after first, so first is the first consumer.
    paths: { p: ['producer', 'first', '|second', 'firstReader', 'secondReader'] },
  });
}

beforeEach(() => {
  resetRecords();
  gates.reset();
});

describe('the consumers of a device product', async () => {
  await loadBackend('serial_sync');

  it('on the mock: the first consumer continues on the producer’s queue, the second waits on its event from its own', async () => {
    const mock = registerSemanticsMock();
    const activityRegistry = new ActivityRegistry();
    // The producer's queue is held by a gated host task until `second` has run, so its event is not complete
    // when `second` synchronises: it must wait for it on the device.
    activityRegistry.postModule.connect((context) => {
      if (context.moduleLabel === 'second' && context.eventID !== undefined) gates.release(context.eventID.event);
    });
    await runProcess(twoConsumers(mock.name, { producer: { gate: 1 } }), registry(), { activityRegistry });
    for (const event of [1, 2]) {
      const producerQueue = queues.get(`producer:${event}`);
      expect(producerQueue).toBeDefined();
      expect(queues.get(`first:${event}`)).toBe(producerQueue);
      expect(queues.get(`second:${event}`)).not.toBe(producerQueue);
    }
    const statistics = mock.statistics();
    expect(statistics.eventWaits).toBe(2);
    // The kernels read the producer's values: 4 × (5 + 1) and 4 × (5 + 2).
    expect(journal.filter((line) => line.includes(':analyze:'))).toEqual([
      'firstReader:analyze:1:24:24',
      'secondReader:analyze:1:28:28',
      'firstReader:analyze:2:24:24',
      'secondReader:analyze:2:28:28',
    ]);
  });

  it('on the mock, consumers on two paths: whichever synchronises first takes the queue over, the other waits', async () => {
    const mock = registerSemanticsMock();
    const activityRegistry = new ActivityRegistry();
    const done = new Map<number, number>();
    activityRegistry.postModule.connect((context) => {
      if (context.kind !== 'event' || context.eventID === undefined) return;
      if (context.moduleLabel !== 'first' && context.moduleLabel !== 'second') return;
      const event = context.eventID.event;
      done.set(event, (done.get(event) ?? 0) + 1);
      if (done.get(event) === 2) gates.release(event);
    });
    const description = twoConsumers(mock.name, { producer: { gate: 1 } });
    const paths = [
      {
        name: 'p1',
        entries: [
          { label: 'producer', operator: 'normal' as const },
          { label: 'first', operator: 'normal' as const },
        ],
      },
      {
        name: 'p2',
        entries: [
          { label: 'producer', operator: 'normal' as const },
          { label: 'second', operator: 'normal' as const },
        ],
      },
    ];
    const modules = new Map([...description.modules].filter(([label]) => !label.endsWith('Reader')));
    await runProcess({ ...description, modules, paths }, registry(), { activityRegistry });
    for (const event of [1, 2]) {
      const producerQueue = queues.get(`producer:${event}`);
      const reusing = ['first', 'second'].filter((label) => queues.get(`${label}:${event}`) === producerQueue);
      expect(reusing).toHaveLength(1);
    }
    expect(mock.statistics().eventWaits).toBe(2);
  });

  it('on a mock with 2 devices and 2 streams: each stream works on its device (stream index modulo devices)', async () => {
    const mock = registerSemanticsMock({ deviceCount: 2 });
    const description = twoConsumers(mock.name, { events: 8 });
    await runProcess(
      { ...description, options: { ...description.options, numberOfThreads: 2, numberOfStreams: 2 } },
      registry(),
    );
    expect(journal.filter((line) => line.startsWith('secondReader:analyze:'))).toHaveLength(8);
    const devices = new Set([...queues.values()].map((queue) => queue.device.index));
    expect(devices).toEqual(new Set([0, 1]));
    expect(mock.statistics(0).launches + mock.statistics(1).launches).toBe(16);
    expect(mock.statistics(0).launches).toBeGreaterThan(0);
    expect(mock.statistics(1).launches).toBeGreaterThan(0);
  });

  it('on the mock, an unscheduled producer (in a Task) runs for its device consumer, which takes its queue over', async () => {
    const mock = registerSemanticsMock();
    const description = twoConsumers(mock.name);
    const modules = new Map([...description.modules].filter(([label]) => !label.startsWith('second')));
    const paths = [
      {
        name: 'p',
        entries: [
          { label: 'first', operator: 'normal' as const },
          { label: 'firstReader', operator: 'normal' as const },
        ],
      },
    ];
    await runProcess({ ...description, modules, paths, unscheduledModules: ['producer'] }, registry());
    expect(journal.filter((line) => line.startsWith('producer:produce'))).toEqual([
      'producer:produce:1',
      'producer:produce:2',
    ]);
    expect(queues.get('first:2')).toBe(queues.get('producer:2'));
    expect(journal.filter((line) => line.includes(':analyze:'))).toEqual([
      'firstReader:analyze:1:24:24',
      'firstReader:analyze:2:24:24',
    ]);
  });

  it('on the mock: a single consumer reuses the queue and waits for nothing', async () => {
    const mock = registerSemanticsMock();
    const description = twoConsumers(mock.name);
    const modules = new Map([...description.modules].filter(([label]) => !label.startsWith('second')));
    const paths = [{ name: 'p', entries: description.paths[0]?.entries.slice(0, 2) ?? [] }];
    await runProcess({ ...description, modules, paths }, registry());
    expect(queues.get('first:1')).toBe(queues.get('producer:1'));
    expect(mock.statistics().eventWaits).toBe(0);
    // One record per producing invocation that used its queue: producer and first, per event.
    expect(mock.statistics().eventRecords).toBe(4);
  });

  it('on serial_sync: the products are the host products, every queue is a blocking one, nothing to synchronise', async () => {
    await runProcess(twoConsumers('serial_sync'), registry());
    // No DeviceProduct, so no queue is taken over: each invocation has a blocking queue of its own.
    for (const label of ['producer', 'first', 'second']) expect(queues.get(`${label}:1`)?.blocking).toBe(true);
    expect(journal.filter((line) => line.includes(':analyze:'))).toEqual([
      'firstReader:analyze:1:24:undefined',
      'secondReader:analyze:1:28:undefined',
      'firstReader:analyze:2:24:undefined',
      'secondReader:analyze:2:28:undefined',
    ]);
  });

  it('with manual stepping: the second consumer’s queue work runs only after all of the producer’s', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const run = runProcess(twoConsumers(mock.name, { events: 1, producer: { tasks: 3 } }), registry());
    // Without stepping, the framework gets through every module (they only enqueue), and nothing has run on
    // the device yet.
    await waitUntil(() => journal.includes('second:produce:1'), 'second has produced');
    expect(journal.filter((line) => line.includes(':task:'))).toEqual([]);
    await stepUntilSettled(mock, run);
    const tasks = journal.filter((line) => line.includes(':task:'));
    // first is in order on the producer's queue; second's queue would start its task in the first step,
    // next to the producer's first task, had it not waited on the producer's event.
    expect(tasks.indexOf('second:task:1:1')).toBeGreaterThan(tasks.indexOf('producer:task:1:3'));
    expect(tasks.indexOf('first:task:1:1')).toBeGreaterThan(tasks.indexOf('producer:task:1:3'));
    expect(journal.filter((line) => line.includes(':analyze:'))).toEqual([
      'firstReader:analyze:1:24:24',
      'secondReader:analyze:1:28:28',
    ]);
  });
});

describe('EDMetadata.synchronize', () => {
  it('refuses data of another device, with a queue or without one', async () => {
    const mock = registerSemanticsMock({ deviceCount: 2 });
    const runtime = runtimeOf(mock);
    const [device0, device1] = runtime.devices;
    if (device0 === undefined || device1 === undefined) throw new Error('the mock has two devices');
    const producer = new EDMetadata(runtime, device0, []);
    producer.queue().enqueue(() => {});
    producer.recordEvent();
    const message = 'Handling data from multiple devices is not yet supported';
    const withoutQueue = new EDMetadata(runtime, device1, []);
    expect(() => producer.synchronize(withoutQueue)).toThrow(
      expect.objectContaining({ category: 'LogicError', message }),
    );
    const withQueue = new EDMetadata(runtime, device1, []);
    withQueue.queue();
    expect(() => producer.synchronize(withQueue)).toThrow(expect.objectContaining({ category: 'LogicError', message }));
    // The same device is fine: the first consumer takes the queue over.
    const sameDevice = new EDMetadata(runtime, device0, []);
    producer.synchronize(sameDevice);
    expect(sameDevice.queue()).toBe(producer.queue());
    await mock.drain();
  });

  it('a consumer on the same device after the event completed waits for nothing', async () => {
    const mock = registerSemanticsMock();
    const runtime = runtimeOf(mock);
    const device = runtime.chooseDevice(0);
    const producer = new EDMetadata(runtime, device, []);
    producer.queue().enqueue(() => {});
    producer.recordEvent();
    producer.synchronize(new EDMetadata(runtime, device, [])); // takes the queue over
    await mock.drain();
    const later = new EDMetadata(runtime, device, []);
    producer.synchronize(later);
    expect(later.hasQueue).toBe(false);
    expect(mock.statistics().eventWaits).toBe(0);
  });
});

describe('the queue and event caches', () => {
  it('over 50 events on 2 streams, as many queues and events as are in use at once, not one per event', async () => {
    const mock = registerSemanticsMock();
    const description = twoConsumers(mock.name, { events: 50 });
    await runProcess(
      { ...description, options: { ...description.options, numberOfThreads: 2, numberOfStreams: 2 } },
      registry(),
    );
    expect(journal.filter((line) => line.startsWith('secondReader:analyze:'))).toHaveLength(50);
    const runtime = runtimeOf(mock);
    // Per event, the producer's queue (first takes it over) and second's, and the events of producer, first
    // and second (the host copies run on those queues): 2 queues and 3 events per stream in flight, however
    // many events the job has.
    expect(runtime.queueCache.createdCount).toBeGreaterThan(0);
    expect(runtime.queueCache.createdCount).toBeLessThanOrEqual(4);
    expect(runtime.eventCache.createdCount).toBeLessThanOrEqual(6);
    expect(mock.statistics().eventRecords).toBe(150);
  });
});
