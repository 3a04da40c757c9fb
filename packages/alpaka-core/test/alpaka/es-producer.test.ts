import { type Device, loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { runProcess } from '../scheduling/make-process';
import { journal, registerMockBackend } from './alpaka-test-modules';
import { analyzed, job, registry, sums } from './es-test-jobs';
import { deviceProduceQueues, esJournal, esReads, hostProducts, resetESJournals } from './es-test-modules';

beforeEach(() => {
  journal.length = 0;
  resetESJournals();
});

describe('the alpaka ESProducer on serial_sync', async () => {
  await loadBackend('serial_sync');

  it('uses the host product directly: the ED module reads the very object produce returned, values through a kernel', async () => {
    await runProcess(job('serial_sync'), registry());
    expect(esJournal).toEqual(['A@1']);
    expect(hostProducts).toHaveLength(1);
    expect(esReads.map((read) => read.product)).toEqual([hostProducts[0], hostProducts[0]]);
    expect(esReads.every((read) => read.product === hostProducts[0])).toBe(true);
    expect(analyzed()).toEqual([`analyzer:analyze:1:${sums(1)}`, `analyzer:analyze:2:${sums(1)}`]);
  });

  it('runs the device produce once, with the host device and its queue, and its result is the product', async () => {
    await runProcess(job('serial_sync', { read: 'D' }), registry());
    expect(esJournal).toEqual(['A@1', 'D@1:0:true:true']);
    expect(deviceProduceQueues.map((queue) => queue.blocking)).toEqual([true]);
    expect(analyzed()).toEqual([`analyzer:analyze:1:${sums(1, 2)}`, `analyzer:analyze:2:${sums(1, 2)}`]);
  });

  it('reruns the producers when the IOV changes, and only then', async () => {
    await runProcess(job('serial_sync', { read: 'D', events: 4, eventsInRun: 1, firstValid: [1, 3] }), registry());
    expect(esJournal).toEqual(['A@1', 'D@1:0:true:true', 'A@3', 'D@3:0:true:true']);
    expect(analyzed()).toEqual([
      `analyzer:analyze:1:${sums(1, 2)}`,
      `analyzer:analyze:1:${sums(1, 2)}`,
      `analyzer:analyze:1:${sums(3, 2)}`,
      `analyzer:analyze:1:${sums(3, 2)}`,
    ]);
  });
});

describe('the alpaka ESProducer on an accelerator with two devices', () => {
  it('copies the host product to each device only for device consumers, and each stream reads its device’s copy', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    await runProcess(job(mock.name, { streams: 2, events: 4 }), registry());
    expect(esJournal).toEqual(['A@1']);
    // One copy per device for the IOV, however many events read it.
    expect(mock.statistics().hostToDeviceCopies).toBe(2);
    expect(mock.statistics(0).hostToDeviceCopies).toBe(1);
    expect(mock.statistics(1).hostToDeviceCopies).toBe(1);
    expect(esReads).toHaveLength(4);
    for (const read of esReads) {
      expect(read.device.index).toBe(read.stream % 2);
      expect(read.device.isHost).toBe(false);
      expect(read.product).not.toBe(hostProducts[0]);
    }
    // The two devices' copies are different objects, each event of a device the same one.
    const byDevice = new Map<Device, Set<unknown>>();
    for (const read of esReads) byDevice.set(read.device, (byDevice.get(read.device) ?? new Set()).add(read.product));
    expect([...byDevice.values()].map((products) => products.size)).toEqual([1, 1]);
    expect(analyzed().map((line) => line.split(':').slice(3).join(':'))).toEqual(Array(4).fill(sums(1)));
  });

  it('makes no device copy when only host modules read the product', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    await runProcess(job(mock.name, { read: 'host-only' }), registry());
    expect(esJournal).toEqual(['A@1', 'host-read:142', 'host-read:142']);
    expect(mock.statistics().hostToDeviceCopies).toBe(0);
  });

  it('runs the device produce once per device with that device’s queue, asynchronously, and hands out each device’s result', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    await runProcess(job(mock.name, { read: 'D', streams: 2, events: 4 }), registry());
    // Without synchronize, device 1's produce runs while device 0's work is still enqueued.
    expect(esJournal).toEqual(['A@1', 'D@1:0:true:true', 'D@1:1:true:false']);
    expect(deviceProduceQueues.map((queue) => queue.device.index)).toEqual([0, 1]);
    expect(deviceProduceQueues.every((queue) => !queue.blocking)).toBe(true);
    // The product is handed out only once every device's queue has finished (the first reader sees them empty;
    // later events reuse those queues from the cache for their own work).
    expect(esReads[0]?.queuesEmpty).toBe(true);
    for (const read of esReads) expect(read.device.index).toBe(read.stream % 2);
    expect(analyzed().map((line) => line.split(':').slice(3).join(':'))).toEqual(Array(4).fill(sums(1, 2)));
    // D reads A's device copies: one per device.
    expect(mock.statistics().hostToDeviceCopies).toBe(2);
  });

  it('with synchronize, waits for each device’s queue before the next device’s produce', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    await runProcess(job(mock.name, { read: 'D', synchronize: true }), registry());
    expect(esJournal).toEqual(['A@1', 'D@1:0:true:true', 'D@1:1:true:true']);
    expect(esReads.every((read) => read.queuesEmpty)).toBe(true);
    expect(analyzed().map((line) => line.split(':').slice(3).join(':'))).toEqual(Array(2).fill(sums(1, 2)));
  });

  it('reruns the host produce, the copies and the device produce when the IOV changes', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    await runProcess(job(mock.name, { read: 'D', events: 3, eventsInRun: 1, firstValid: [1, 2] }), registry());
    expect(esJournal).toEqual([
      'A@1',
      'D@1:0:true:true',
      'D@1:1:true:false',
      'A@2',
      'D@2:0:true:true',
      'D@2:1:true:false',
    ]);
    expect(mock.statistics().hostToDeviceCopies).toBe(4);
    expect(analyzed().map((line) => line.split(':').slice(3).join(':'))).toEqual([sums(1, 2), sums(2, 2), sums(2, 2)]);
  });
});
