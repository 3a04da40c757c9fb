// EDMetadata.synchronize on its own (data of another device is refused, a complete event needs no wait), and
// the reuse of the queue and event caches over a long job.

import { beforeEach, describe, expect, it } from 'vitest';
import { EDMetadata } from '../../src/alpaka/index';
import { runProcess } from '../scheduling/make-process';
import { registry, twoConsumers } from './consumer-jobs';
import { journal, registerSemanticsMock, resetRecords, runtimeOf } from './semantics-test-modules';

beforeEach(() => {
  resetRecords();
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
