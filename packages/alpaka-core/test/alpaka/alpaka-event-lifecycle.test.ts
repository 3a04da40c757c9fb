// What the alpaka bases do around the author's methods (framework.md §B.3–B.4): `synchronize`, the stream's
// guarantee that its next event waits for this one's queue work, queue failures, SynchronizingEDProducer and
// FixedQueueEDProducer, construction outside a backend, and device handles of missing products.

import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { idle, stepUntilSettled, waitUntil } from './manual-stepping';
import {
  alpakaPSet,
  CountsAnalyzer,
  CountsProducer,
  journal,
  MissingProductReader,
  queues,
  registerSemanticsMock,
  resetRecords,
  runtimeOf,
} from './semantics-test-modules';
import { FixedQueueCounts, SynchronizingCounts } from './stream-producer-test-modules';

const registry = () =>
  makeRegistry(CountsProducer, CountsAnalyzer, MissingProductReader, SynchronizingCounts, FixedQueueCounts);

const single = (
  type: string,
  options: {
    events?: number;
    streams?: number;
    parameters?: (p: import('../../src/parameter-set/parameter-set').ParameterSet) => void;
    reader?: boolean;
  } = {},
) =>
  makeProcess({
    maxEvents: options.events ?? 2,
    numberOfThreads: options.streams ?? 1,
    numberOfStreams: options.streams ?? 1,
    modules: {
      producer: { type, ...(options.parameters === undefined ? {} : { parameters: options.parameters }) },
      ...(options.reader
        ? {
            reader: {
              type: 'CountsAnalyzer',
              edmType: 'EDAnalyzer',
              parameters: (p) => p.addParameter('source', 'string', 'producer'),
            },
          }
        : {}),
    },
    paths: { p: ['producer', ...(options.reader ? ['reader'] : [])] },
  });

/** An ActivityRegistry that journals preEvent, and whether the producer's queue was empty at its postModule. */
function watching(): ActivityRegistry {
  const activityRegistry = new ActivityRegistry();
  activityRegistry.preEvent.connect((context) => void journal.push(`preEvent:${context.eventID.event}`));
  activityRegistry.postModule.connect((context) => {
    if (context.moduleLabel !== 'producer' || context.eventID === undefined || context.kind !== 'event') return;
    const event = context.eventID.event;
    journal.push(`postModule:${event}:queueEmpty=${queues.get(`producer:${event}`)?.isEmpty()}`);
  });
  return activityRegistry;
}

beforeEach(() => {
  resetRecords();
});

describe('synchronize (the untracked alpaka PSet)', async () => {
  await loadBackend('serial_sync');

  it('on the mock: with synchronize=true nothing is outstanding on the queue after produce, and no event is recorded', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const description = single(`alpaka_${mock.name}::CountsProducer`, {
      parameters: (p) => p.addParameter('tasks', 'int32', 2).addUntrackedParameter('alpaka', 'PSet', alpakaPSet(true)),
    });
    await stepUntilSettled(mock, runProcess(description, registry(), { activityRegistry: watching() }));
    expect(journal.filter((line) => line.startsWith('postModule'))).toEqual([
      'postModule:1:queueEmpty=true',
      'postModule:2:queueEmpty=true',
    ]);
    expect(mock.statistics().eventRecords).toBe(0);
  });

  it('on the mock: without it (or with false), produce returns with its work outstanding and an event recorded', async () => {
    for (const alpaka of [undefined, alpakaPSet(false)]) {
      resetRecords();
      const mock = registerSemanticsMock({ stepping: 'manual' });
      const description = single(`alpaka_${mock.name}::CountsProducer`, {
        parameters: (p) => {
          p.addParameter('tasks', 'int32', 2);
          if (alpaka !== undefined) p.addUntrackedParameter('alpaka', 'PSet', alpaka);
        },
      });
      await stepUntilSettled(mock, runProcess(description, registry(), { activityRegistry: watching() }));
      expect(journal.filter((line) => line.startsWith('postModule'))).toEqual([
        'postModule:1:queueEmpty=false',
        'postModule:2:queueEmpty=false',
      ]);
      expect(mock.statistics().eventRecords).toBe(2);
    }
  });

  it('on serial_sync: changes nothing, the blocking queue has finished everything when produce returns', async () => {
    for (const synchronize of [true, false]) {
      resetRecords();
      const description = single('alpaka_serial_sync::CountsProducer', {
        parameters: (p) => p.addUntrackedParameter('alpaka', 'PSet', alpakaPSet(synchronize)),
        reader: true,
      });
      await runProcess(description, registry(), { activityRegistry: watching() });
      expect(journal.filter((line) => line.startsWith('postModule:1'))).toEqual(['postModule:1:queueEmpty=true']);
      expect(journal).toContain('reader:analyze:1:4:undefined');
    }
  });
});

describe("the stream's guarantee", async () => {
  await loadBackend('serial_sync');

  it('an EDM stream does not start its next event before the queue work of its current one has finished', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const description = single(`alpaka_${mock.name}::CountsProducer`, {
      parameters: (p) => p.addParameter('tasks', 'int32', 1),
    });
    const run = runProcess(description, registry(), { activityRegistry: watching() });
    await waitUntil(() => journal.includes('producer:produce:1'), 'event 1 was produced');
    await idle();
    // Every module of event 1 is done, but its queue has not run: event 2 has not started.
    expect(journal).toEqual(['preEvent:1', 'producer:produce:1', 'postModule:1:queueEmpty=false']);
    await stepUntilSettled(mock, run);
    expect(journal.indexOf('preEvent:2')).toBeGreaterThan(journal.indexOf('producer:task:1:1'));
    expect(journal.indexOf('producer:task:2:1')).toBeGreaterThan(journal.indexOf('preEvent:2'));
  });

  it('an event whose module throws after enqueueing work (skipEvent) still waits for that work and gives the queue back', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const description = makeProcess({
      maxEvents: 3,
      modules: {
        producer: {
          type: `alpaka_${mock.name}::CountsProducer`,
          parameters: (p) => p.addParameter('tasks', 'int32', 1).addParameter('throwOnEvent', 'int32', 1),
        },
      },
      paths: { p: ['producer'] },
      exceptionActions: { skipEvent: ['NotFound'] },
    });
    const run = runProcess(description, registry(), { activityRegistry: watching() });
    await waitUntil(() => journal.includes('producer:produce:1'), 'event 1 was produced');
    await idle();
    expect(journal.includes('preEvent:2')).toBe(false);
    await stepUntilSettled(mock, run);
    expect(journal.indexOf('preEvent:2')).toBeGreaterThan(journal.indexOf('producer:task:1:1'));
    expect(journal.filter((line) => line.startsWith('producer:task:'))).toEqual([
      'producer:task:1:1',
      'producer:task:2:1',
      'producer:task:3:1',
    ]);
    expect(runtimeOf(mock).queueCache.createdCount).toBe(1);
  });

  it('a failing host task on the queue fails the event with its error', async () => {
    const mock = registerSemanticsMock();
    const description = single(`alpaka_${mock.name}::CountsProducer`, {
      parameters: (p) => p.addParameter('throwInQueue', 'bool', true),
    });
    await expect(runProcess(description, registry())).rejects.toThrow('producer: a host task failed on the queue');
    expect(journal).not.toContain('producer:produce:2');
  });

  it('the implicit copy to the host fails with an asynchronous failure before it on the queue; its consumer never runs', async () => {
    const mock = registerSemanticsMock();
    const description = single(`alpaka_${mock.name}::CountsProducer`, {
      parameters: (p) => p.addParameter('throwInQueue', 'bool', true),
      reader: true,
    });
    await expect(runProcess(description, registry())).rejects.toThrow('producer: a host task failed on the queue');
    expect(journal.filter((line) => line.startsWith('reader:analyze'))).toEqual([]);
  });
});

describe('SynchronizingEDProducer', async () => {
  await loadBackend('serial_sync');

  it('on the mock: produce runs only once the acquire queue’s work is done, and on the acquire’s queue', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const description = single(`alpaka_${mock.name}::SynchronizingCounts`, { events: 1, reader: true });
    const run = runProcess(description, registry());
    await waitUntil(() => journal.includes('producer:acquire:1'), 'acquire ran');
    await idle();
    expect(journal).toEqual(['producer:acquire:1']);
    await stepUntilSettled(mock, run);
    expect(journal).toEqual([
      'producer:acquire:1',
      'producer:acquireTask:1',
      'producer:produce:1',
      'producer:produceTask:1',
      'reader:analyze:1:8:8',
    ]);
    expect(queues.get('producer:produce:1')).toBe(queues.get('producer:acquire:1'));
    expect(runtimeOf(mock).queueCache.createdCount).toBe(1);
  });

  it('on the mock: a failure of the acquire’s queue work fails the event, and produce never runs', async () => {
    const mock = registerSemanticsMock();
    const description = single(`alpaka_${mock.name}::SynchronizingCounts`, {
      events: 1,
      parameters: (p) => p.addParameter('throwInAcquire', 'bool', true),
    });
    await expect(runProcess(description, registry())).rejects.toThrow("producer: the acquire's queue work failed");
    expect(journal).toEqual(['producer:acquire:1', 'producer:acquireTask:1']);
  });

  it('on the mock: acquire returns with its queue work outstanding; with synchronize=true, only once it is done', async () => {
    for (const synchronize of [false, true]) {
      resetRecords();
      const mock = registerSemanticsMock();
      const activityRegistry = new ActivityRegistry();
      activityRegistry.postModule.connect((context) => {
        if (context.kind !== 'acquire' || context.eventID === undefined) return;
        const queue = queues.get(`producer:acquire:${context.eventID.event}`);
        journal.push(`postAcquire:queueEmpty=${queue?.isEmpty()}`);
      });
      const description = single(`alpaka_${mock.name}::SynchronizingCounts`, {
        events: 1,
        reader: true,
        parameters: (p) => p.addUntrackedParameter('alpaka', 'PSet', alpakaPSet(synchronize)),
      });
      await runProcess(description, registry(), { activityRegistry });
      expect(journal).toContain(`postAcquire:queueEmpty=${synchronize}`);
      expect(journal.indexOf('producer:produce:1')).toBeGreaterThan(journal.indexOf('producer:acquireTask:1'));
      expect(journal).toContain('reader:analyze:1:8:8');
    }
  });

  it('on serial_sync: acquire then produce on the same blocking queue', async () => {
    await runProcess(single('alpaka_serial_sync::SynchronizingCounts', { events: 1, reader: true }), registry());
    expect(journal).toEqual([
      'producer:acquire:1',
      'producer:acquireTask:1',
      'producer:produce:1',
      'producer:produceTask:1',
      'reader:analyze:1:8:undefined',
    ]);
    expect(queues.get('producer:produce:1')).toBe(queues.get('producer:acquire:1'));
  });
});

describe('FixedQueueEDProducer', async () => {
  await loadBackend('serial_sync');

  for (const backend of ['mock', 'serial_sync']) {
    it(`on ${backend}: one queue per stream for every event, another per stream, given to beginStream and endStream`, async () => {
      const name = backend === 'mock' ? registerSemanticsMock().name : backend;
      await runProcess(single(`alpaka_${name}::FixedQueueCounts`, { events: 8, streams: 2, reader: true }), registry());
      const begun = [0, 1].map((streamID) => queues.get(`producer:beginStream:${streamID}`));
      expect(begun[0]).toBeDefined();
      expect(begun[1]).toBeDefined();
      expect(begun[0]).not.toBe(begun[1]);
      const produced = journal.filter((line) => line.startsWith('producer:produce:'));
      expect(produced).toHaveLength(8);
      for (const line of produced) {
        const [, , event, stream] = line.split(':');
        expect(queues.get(`producer:produce:${event}`)).toBe(begun[Number(stream?.slice('stream'.length))]);
      }
      expect(journal.filter((line) => line.includes('Stream')).sort()).toEqual([
        'producer:beginStream:0',
        'producer:beginStream:1',
        'producer:endStream:producer:beginStream:0',
        'producer:endStream:producer:beginStream:1',
      ]);
      expect(journal.filter((line) => line.startsWith('reader:'))).toHaveLength(8);
    });
  }
});

describe('construction and handles', async () => {
  await loadBackend('serial_sync');

  it('an alpaka module constructed from its plain type name, bound to no backend, is refused with what to write', async () => {
    await expect(runProcess(single('CountsProducer'), registry())).rejects.toMatchObject({
      category: 'LogicError',
      message: expect.stringContaining(
        "CountsProducer is an alpaka module: it runs on the backend the job chooses, so it is constructed by the framework from the type 'CountsProducer@alpaka' or 'alpaka_<backend>::CountsProducer' (e.g. alpaka_serial_sync::CountsProducer), or in a test from bindAlpakaModule(CountsProducer, backend).",
      ),
    });
  });

  for (const backend of ['mock', 'serial_sync']) {
    it(`on ${backend}: device.Event.getHandle of a missing device product is invalid and throws ProductNotFound when dereferenced`, async () => {
      const name = backend === 'mock' ? registerSemanticsMock().name : backend;
      await runProcess(single(`alpaka_${name}::MissingProductReader`, { events: 1 }), registry());
      expect(journal).toEqual(['valid:false', 'threw:ProductNotFound']);
    });
  }
});
