// The implicit copies (framework.md §B.2): device→host (CopyToHost, then postCopy) and host→device (a host
// product whose class has a CopyToDevice) are Transformer products made only when something consumes them in
// that memory space; on serial_sync nothing is copied and the device type is the host type.

import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { idle, stepUntilSettled, waitUntil } from './manual-stepping';
import {
  CountsAnalyzer,
  CountsConsumer,
  CountsProducer,
  copies,
  DeviceCounts,
  HostCounts,
  HostCountsProducer,
  journal,
  puts,
  registerSemanticsMock,
  resetRecords,
} from './semantics-test-modules';

const registry = () => makeRegistry(CountsProducer, HostCountsProducer, CountsConsumer, CountsAnalyzer);

const reader = (source: string) => ({
  type: 'CountsAnalyzer',
  edmType: 'EDAnalyzer' as const,
  parameters: (p: import('../../src/parameter-set/parameter-set').ParameterSet) =>
    p.addParameter('source', 'string', source),
});

/** producer (4 × 3) → consumer (+1 on the device); `withReader` adds a host analyzer of producer's product. */
function deviceToHost(backend: string, withReader: boolean, events = 3) {
  return makeProcess({
    maxEvents: events,
    modules: {
      producer: {
        type: `alpaka_${backend}::CountsProducer`,
        parameters: (p) => p.addParameter('value', 'int32', 3),
      },
      consumer: {
        type: `alpaka_${backend}::CountsConsumer`,
        parameters: (p) => p.addParameter('source', 'string', 'producer'),
      },
      ...(withReader ? { reader: reader('producer') } : {}),
    },
    paths: { p: ['producer', 'consumer', ...(withReader ? ['reader'] : [])] },
  });
}

/** hostProducer (HostCounts 4 × 7) → `consumer` on the device when `withDeviceConsumer`; a host reader of each. */
function hostToDevice(backend: string, withDeviceConsumer: boolean) {
  return makeProcess({
    maxEvents: 3,
    modules: {
      hostProducer: {
        type: `alpaka_${backend}::HostCountsProducer`,
        parameters: (p) => p.addParameter('value', 'int32', 7),
      },
      hostReader: reader('hostProducer'),
      ...(withDeviceConsumer
        ? {
            consumer: {
              type: `alpaka_${backend}::CountsConsumer`,
              parameters: (p) => p.addParameter('source', 'string', 'hostProducer'),
            },
            consumerReader: reader('consumer'),
          }
        : {}),
    },
    paths: { p: ['hostProducer', 'hostReader', ...(withDeviceConsumer ? ['consumer', 'consumerReader'] : [])] },
  });
}

beforeEach(() => {
  resetRecords();
});

describe('the implicit device→host copy', async () => {
  await loadBackend('serial_sync');

  it('on the mock: is not made when no host module consumes the product', async () => {
    const mock = registerSemanticsMock();
    await runProcess(deviceToHost(mock.name, false), registry());
    expect(journal.filter((line) => line.startsWith('consumer:produce'))).toHaveLength(3);
    expect(mock.statistics().deviceToHostCopies).toBe(0);
    expect(copies).toEqual([]);
  });

  it('on the mock: one copy per event with a host consumer, postCopy before the host product is handed out', async () => {
    const mock = registerSemanticsMock();
    await runProcess(deviceToHost(mock.name, true), registry());
    expect(mock.statistics().deviceToHostCopies).toBe(3);
    expect(copies).toEqual(['toHost', 'postCopy', 'toHost', 'postCopy', 'toHost', 'postCopy']);
    // The reader sees the copied values (4 × 3), and postCopy saw them too: it ran once the copy had finished.
    expect(journal.filter((line) => line.startsWith('reader:'))).toEqual([
      'reader:analyze:1:12:12',
      'reader:analyze:2:12:12',
      'reader:analyze:3:12:12',
    ]);
    expect(puts.get('reader:1')).toBeInstanceOf(HostCounts);
  });

  it('with manual stepping: postCopy waits for the copy on the queue, the host consumer for postCopy', async () => {
    const mock = registerSemanticsMock({ stepping: 'manual' });
    const run = runProcess(deviceToHost(mock.name, true, 1), registry());
    await waitUntil(() => copies.includes('toHost'), 'the copy was enqueued');
    await idle();
    expect(copies).toEqual(['toHost']);
    expect(journal.some((line) => line.startsWith('reader:'))).toBe(false);
    await stepUntilSettled(mock, run);
    expect(copies).toEqual(['toHost', 'postCopy']);
    expect(journal.filter((line) => line.startsWith('reader:'))).toEqual(['reader:analyze:1:12:12']);
  });

  it('on serial_sync: nothing is copied, the host consumer gets the very product that was put', async () => {
    await runProcess(deviceToHost('serial_sync', true), registry());
    expect(copies).toEqual([]);
    const product = puts.get('producer:1');
    expect(product).toBeInstanceOf(HostCounts);
    expect(puts.get('reader:1')).toBe(product);
    // postCopy belongs to device backends only.
    expect(journal.filter((line) => line.startsWith('reader:'))[0]).toBe('reader:analyze:1:12:undefined');
  });
});

describe('the implicit host→device copy', async () => {
  await loadBackend('serial_sync');

  it('on the mock: made for a device consumer of a host product whose class has a CopyToDevice', async () => {
    const mock = registerSemanticsMock();
    await runProcess(hostToDevice(mock.name, true), registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(3);
    expect(copies.filter((copy) => copy === 'toDevice')).toHaveLength(3);
    // The device consumer computed on the copied values: 4 × (7 + 1).
    expect(journal.filter((line) => line.startsWith('consumerReader:'))).toEqual([
      'consumerReader:analyze:1:32:32',
      'consumerReader:analyze:2:32:32',
      'consumerReader:analyze:3:32:32',
    ]);
    // The host reader still reads the host product itself.
    expect(puts.get('hostReader:1')).toBe(puts.get('hostProducer:1'));
  });

  it('on the mock: not made without a device consumer', async () => {
    const mock = registerSemanticsMock();
    await runProcess(hostToDevice(mock.name, false), registry());
    expect(mock.statistics().hostToDeviceCopies).toBe(0);
    expect(copies).toEqual([]);
    expect(journal.filter((line) => line.startsWith('hostReader:'))).toHaveLength(3);
  });

  it('on serial_sync: the device consumer reads the host product as it is', async () => {
    await runProcess(hostToDevice('serial_sync', true), registry());
    expect(copies).toEqual([]);
    expect(journal.filter((line) => line.startsWith('consumerReader:'))[0]).toBe(
      'consumerReader:analyze:1:32:undefined',
    );
  });
});

describe('a put of the wrong memory space', async () => {
  await loadBackend('serial_sync');

  const wrongPut = (backend: string) =>
    makeProcess({
      maxEvents: 1,
      modules: {
        producer: {
          type: `alpaka_${backend}::CountsProducer`,
          parameters: (p) => p.addParameter('wrongType', 'bool', true),
        },
      },
      paths: { p: ['producer'] },
    });

  it('on serial_sync: a device-type product is refused (ASSERT_DEVICE_MATCHES_HOST_COLLECTION)', async () => {
    await expect(runProcess(wrongPut('serial_sync'), registry())).rejects.toMatchObject({
      category: 'LogicError',
      message: expect.stringContaining(
        `The product put with the device token of instance '' is a ${DeviceCounts.name}, but on the serial_sync backend that token takes a ${HostCounts.name}.`,
      ),
    });
  });

  it('on the mock: a host-type product is refused', async () => {
    const mock = registerSemanticsMock();
    await expect(runProcess(wrongPut(mock.name), registry())).rejects.toMatchObject({
      category: 'LogicError',
      message: expect.stringContaining(
        `is a ${HostCounts.name}, but on the ${mock.name} backend that token takes a ${DeviceCounts.name}.`,
      ),
    });
    await mock.drain();
  });
});
