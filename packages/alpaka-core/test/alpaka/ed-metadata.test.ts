// EDMetadata's consumer side in jobs (framework.md §B.3): the first consumer takes over the producer's queue,
// later ones wait on its event from queues of their own, and the order of the queues' work follows.

import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { runProcess } from '../scheduling/make-process';
import { registry, twoConsumers } from './consumer-jobs';
import { gates, stepUntilSettled, waitUntil } from './manual-stepping';
import { alpakaPSet, journal, queues, registerSemanticsMock, resetRecords } from './semantics-test-modules';

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

  it('on the mock: a first consumer that took its own queue before reading waits on the event instead', async () => {
    const mock = registerSemanticsMock();
    const description = twoConsumers(mock.name, { producer: { gate: 1 } });
    const modules = new Map(
      [...description.modules]
        .filter(([label]) => !label.startsWith('second'))
        .map(([label, module]) => {
          if (label === 'first') module.parameters.addParameter('queueFirst', 'bool', true);
          return [label, module] as const;
        }),
    );
    const paths = [
      { name: 'p', entries: description.paths[0]?.entries.filter((entry) => !entry.label.startsWith('second')) ?? [] },
    ];
    const activityRegistry = new ActivityRegistry();
    activityRegistry.postModule.connect((context) => {
      if (context.moduleLabel === 'first' && context.kind === 'event' && context.eventID !== undefined) {
        gates.release(context.eventID.event);
      }
    });
    await runProcess({ ...description, modules, paths }, registry(), { activityRegistry });
    expect(queues.get('first:1')).not.toBe(queues.get('producer:1'));
    expect(mock.statistics().eventWaits).toBe(2);
    expect(journal.filter((line) => line.includes(':analyze:'))).toEqual([
      'firstReader:analyze:1:24:24',
      'firstReader:analyze:2:24:24',
    ]);
  });

  it('on the mock: consumers of a synchronized producer (synchronize=true) have nothing to wait for', async () => {
    const mock = registerSemanticsMock();
    const description = twoConsumers(mock.name);
    description.modules.get('producer')?.parameters.addUntrackedParameter('alpaka', 'PSet', alpakaPSet(true));
    await runProcess(description, registry());
    expect(queues.get('first:1')).toBe(queues.get('producer:1'));
    expect(queues.get('second:1')).not.toBe(queues.get('producer:1'));
    expect(mock.statistics().eventWaits).toBe(0);
    // Records by first and second only: the producer waited instead.
    expect(mock.statistics().eventRecords).toBe(4);
    expect(journal.filter((line) => line.startsWith('secondReader:'))).toEqual([
      'secondReader:analyze:1:28:28',
      'secondReader:analyze:2:28:28',
    ]);
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
