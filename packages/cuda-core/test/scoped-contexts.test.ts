import { cms } from '@alpaka-ts/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContextState, Product } from '../src';
import { cuda, type Driver, journal, runJob, setUpCuda, streamsUsed } from './cuda-modules';

beforeEach(() => {
  setUpCuda();
});

describe.each<Driver>(['mock', 'stand-in'])('ScopedContextProduce and cuda Products on the %s driver', (driver) => {
  it("continue on the producer's stream for its first consumer and give a later one a stream that waits", async () => {
    const counters = setUpCuda(driver);
    const failure = await runJob((process) => {
      process.maxEvents.input = 3;
      process.producer = cms.EDProducer('CudaProducer');
      process.first = cms.EDProducer('CudaTransformer', { source: cms.string('producer') });
      process.second = cms.EDProducer('CudaTransformer', { source: cms.string('producer') });
      process.analyzer = cms.EDAnalyzer('CudaAnalyzer', { source: cms.string('first') });
      process.p = cms.Path(process.producer, process.first, process.second, process.analyzer);
    });
    expect(failure).toBeUndefined();
    for (const event of [1, 2, 3]) {
      expect(streamsUsed.get(`first:${event}`)).toBe(streamsUsed.get(`producer:${event}`));
      expect(streamsUsed.get(`second:${event}`)).not.toBe(streamsUsed.get(`producer:${event}`));
      // The analyzer is the first consumer of first's product: first's stream again.
      expect(streamsUsed.get(`analyzer:${event}`)).toBe(streamsUsed.get(`first:${event}`));
    }
    expect(journal.filter((entry) => entry.startsWith('analyzer'))).toEqual([
      'analyzer:10,20,30',
      'analyzer:20,20,30',
      'analyzer:30,20,30',
    ]);
    // Two streams per event, given back at its end and reused: no stream made per event.
    expect(cuda.streamsCreated).toBe(2);
    // The mock's events are pending until its queues run, so the second consumer's stream waits on them; the
    // stand-in's complete at once (its default), and a complete event is not waited for.
    if (driver === 'mock') expect(counters.eventWaits()).toBeGreaterThan(0);
    else expect(counters.eventWaits()).toBe(0);
  });
});

describe('cuda Products', () => {
  it("refuses a product of another device with CMSSW's message", async () => {
    setUpCuda('mock', 2);
    // Two EDM streams on two devices: stream 1's context is on device 1, the product kept from stream 0 on device 0.
    const failure = await runJob((process) => {
      process.maxEvents.input = 4;
      process.producer = cms.EDProducer('CudaProducer');
      process.mismatch = cms.EDProducer('CudaDeviceMismatch');
      process.p = cms.Path(process.producer, process.mismatch);
    }, 2);
    expect(failure).toBeUndefined();
    expect(journal.filter((entry) => entry.startsWith('mismatch'))).toContain(
      'mismatch: Handling data from multiple devices is not yet supported',
    );
  });

  it('is made only by a context', () => {
    const device = cuda.devices[0];
    expect(
      () => new Product(Symbol('forged') as never, device as never, cuda.takeStream(device as never), undefined, 1),
    ).toThrow('A cuda Product is made by ScopedContextProduce.wrap() or emplace(), not constructed directly.');
  });
});

describe.each<Driver>(['mock', 'stand-in'])('ScopedContextAcquire on the %s driver', (driver) => {
  it('runs pushed tasks as a stack, each after the GPU work before it, then produce on the same stream', async () => {
    setUpCuda(driver);
    const failure = await runJob((process) => {
      process.maxEvents.input = 1;
      process.producer = cms.EDProducer('CudaProducer');
      process.external = cms.EDProducer('CudaExternalWork', { source: cms.string('producer') });
      process.p = cms.Path(process.producer, process.external);
    });
    expect(failure).toBeUndefined();
    expect(journal).toEqual([
      'producer:gpu:1',
      'acquire:gpu',
      'task3',
      'task3:gpu',
      'task2',
      'task2:gpu',
      'task1',
      'task1:gpu',
      'produce',
    ]);
    // First consumer of the producer's product: acquire, tasks and produce all on the producer's stream.
    expect(streamsUsed.get('external:1')).toBe(streamsUsed.get('producer:1'));
  });

  it('skips the remaining tasks and produce when a task throws, and fails the event with its error', async () => {
    setUpCuda(driver);
    const failure = await runJob((process) => {
      process.maxEvents.input = 1;
      process.producer = cms.EDProducer('CudaProducer');
      process.external = cms.EDProducer('CudaExternalWork', {
        source: cms.string('producer'),
        failInTask: cms.int32(2),
      });
      process.p = cms.Path(process.producer, process.external);
    });
    expect(failure?.message).toContain('task 2 fails, as asked');
    expect(journal).toEqual(['producer:gpu:1', 'acquire:gpu', 'task3', 'task3:gpu', 'task2']);
  });
});

describe.each<Driver>(['mock', 'stand-in'])('tasks returning promises on the %s driver', (driver) => {
  const run = (rejecting: number) =>
    runJob((process) => {
      process.maxEvents.input = 1;
      process.producer = cms.EDProducer('CudaProducer');
      process.external = cms.EDProducer('CudaExternalWork', {
        source: cms.string('producer'),
        asyncTasks: cms.int32(rejecting),
      });
      process.p = cms.Path(process.producer, process.external);
    });

  it('go on to the next task once the promise resolves and the GPU work enqueued until then is done', async () => {
    setUpCuda(driver);
    expect(await run(0)).toBeUndefined();
    expect(journal).toEqual([
      'producer:gpu:1',
      'acquire:gpu',
      'task3',
      'task3:settled',
      'task3:gpu',
      'task2',
      'task2:settled',
      'task2:gpu',
      'task1',
      'task1:settled',
      'task1:gpu',
      'produce',
    ]);
  });

  it("skip the remaining tasks and produce when one rejects, failing the event with the rejection's error", async () => {
    setUpCuda(driver);
    const failure = await run(2);
    expect(failure?.message).toContain('task 2 rejects, as asked');
    expect(journal).toEqual([
      'producer:gpu:1',
      'acquire:gpu',
      'task3',
      'task3:settled',
      'task3:gpu',
      'task2',
      'task2:settled',
    ]);
  });
});

describe('ScopedContextAcquire without tasks', () => {
  const run = (extra: Record<string, ReturnType<typeof cms.bool>>) =>
    runJob((process) => {
      process.maxEvents.input = 1;
      process.producer = cms.EDProducer('CudaProducer');
      process.external = cms.EDProducer('CudaExternalWork', { source: cms.string('producer'), ...extra });
      process.p = cms.Path(process.producer, process.external);
    });

  it("refuses pushNextTask without a ContextState, with CMSSW's message", async () => {
    expect(await run({ withoutState: cms.bool(true) })).toBeUndefined();
    expect(journal).toContain(
      'Calling ScopedContextAcquire::insertNextTask() requires ScopedContextAcquire to be constructed with ContextState, but that was not the case',
    );
  });

  it('waits on the holder given to replaceWaitingTaskHolder, which then decides when produce runs', async () => {
    expect(await run({ replaceHolder: cms.bool(true) })).toBeUndefined();
    expect(journal).toEqual(['producer:gpu:1', 'acquire:gpu', 'replacement ran', 'produce']);
  });
});

describe('ContextState', () => {
  it("refuses a second set and a read when empty with CMSSW's messages, and empties on releaseStreamPtr", () => {
    const state = new ContextState();
    const device = cuda.devices[0];
    if (device === undefined) throw new Error('no device');
    expect(() => state.streamPtr()).toThrow('Trying to get ContextState, but it did not have a valid state');
    const stream = cuda.takeStream(device);
    state.set(device, stream);
    expect(() => state.set(device, stream)).toThrow('Trying to set ContextState, but it already had a valid state');
    expect(state.releaseStreamPtr()).toBe(stream);
    expect(state.isValid).toBe(false);
    expect(() => state.releaseStreamPtr()).toThrow('Trying to get ContextState, but it did not have a valid state');
  });
});
