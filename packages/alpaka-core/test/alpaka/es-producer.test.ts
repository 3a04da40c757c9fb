import { type Device, loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDescription, ProcessDescription } from '../../src/configuration/process-description';
import { isFrameworkError } from '../../src/errors/framework-error';
import { registerBuiltInEventSetupModules } from '../../src/event-setup/register-built-in-event-setup-modules';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { journal, PointsAnalyzer, registerMockBackend } from './alpaka-test-modules';
import {
  deviceProduceQueues,
  ESReadingProducer,
  esJournal,
  esModuleDescription,
  esReads,
  HostESReader,
  hostProducts,
  recordASource,
  resetESJournals,
  synchronizeParameters,
  TestAlpakaESProducerA,
  TestAlpakaESProducerD,
} from './es-test-modules';

function registry() {
  return registerBuiltInEventSetupModules(
    makeRegistry(TestAlpakaESProducerA, TestAlpakaESProducerD, ESReadingProducer, HostESReader, PointsAnalyzer),
  );
}

interface JobOptions {
  readonly streams?: number;
  readonly events?: number;
  readonly eventsInRun?: number;
  readonly firstValid?: readonly number[];
  /** Which ES product the ED reader reads: A's (host product, its copy on devices) or D's ('scaled'). */
  readonly read?: 'A' | 'D' | 'host-only';
  readonly aNull?: boolean;
  readonly nullOn?: readonly number[];
  readonly synchronize?: boolean;
}

/** EmptySource → reader (ES collection into the event) → analyzer (host sums), with ES modules A and D. */
function job(backend: string, options: JobOptions = {}): ProcessDescription {
  const streams = options.streams ?? 1;
  const read = options.read ?? 'A';
  const description = makeProcess({
    maxEvents: options.events ?? 2,
    numberOfThreads: streams,
    numberOfStreams: streams,
    source: {
      type: 'EmptySource',
      parameters: (p) => p.addUntrackedParameter('numberEventsInRun', 'uint32', options.eventsInRun ?? 100),
    },
    modules:
      read === 'host-only'
        ? { hostReader: { type: 'HostESReader', edmType: 'EDAnalyzer' } }
        : {
            reader: {
              type: `alpaka_${backend}::ESReadingProducer`,
              parameters: (p) => p.addParameter('esLabel', 'string', read === 'D' ? ':scaled' : ''),
            },
            analyzer: {
              type: 'PointsAnalyzer',
              edmType: 'EDAnalyzer',
              parameters: (p) => p.addParameter('source', 'string', 'reader'),
            },
          },
    paths: { p: read === 'host-only' ? ['hostReader'] : ['reader', 'analyzer'] },
  });
  const esModules: ModuleDescription[] = [
    recordASource(options.firstValid),
    esModuleDescription('ESProducer', `alpaka_${backend}::TestAlpakaESProducerA`, 'esA', (p) => {
      p.addParameter('value', 'int32', 42);
      if (options.aNull === true) p.addParameter('returnNull', 'bool', true);
    }),
    esModuleDescription('ESProducer', `alpaka_${backend}::TestAlpakaESProducerD`, 'esD', (p) => {
      p.addParameter('factor', 'double', 2).addParameter('nullOn', 'vint32', options.nullOn ?? []);
      if (options.synchronize !== undefined) {
        p.addUntrackedParameter('alpaka', 'PSet', synchronizeParameters(options.synchronize));
      }
    }),
  ];
  return { ...description, eventSetupModules: esModules };
}

/** The analyzer's sums of x and y for A's points (x = 42 − i + 100·run, y = i), scaled. */
function sums(run: number, factor = 1): string {
  let x = 0;
  let y = 0;
  for (let i = 0; i < 10; i++) {
    x += (42 - i + 100 * run) * factor;
    y += i * factor;
  }
  return `${x}:${y}`;
}

const analyzed = () => journal.filter((line) => line.startsWith('analyzer'));

async function failure(promise: Promise<unknown>): Promise<{ category: string; message: string }> {
  try {
    await promise;
  } catch (thrown) {
    if (isFrameworkError(thrown)) return { category: thrown.category, message: thrown.message };
    throw thrown;
  }
  throw new Error('the job did not fail');
}

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

  it('a device produce returning null is a missing product: its consumer gets MakeDataException', async () => {
    const error = await failure(runProcess(job('serial_sync', { read: 'D', nullOn: [0] }), registry()));
    expect(error.category).toBe('MakeDataException');
    expect(error.message).toBe(
      'Error while making data "PortableHostCollection" "scaled" in Record AlpakaESTestRecordA',
    );
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

  it('all devices returning null is a missing product: the consumer gets MakeDataException', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const error = await failure(runProcess(job(mock.name, { read: 'D', nullOn: [0, 1] }), registry()));
    expect(error.category).toBe('MakeDataException');
    expect(error.message).toBe(
      'Error while making data "ESDeviceProduct<PortableDeviceCollection>" "scaled" in Record AlpakaESTestRecordA',
    );
  });

  it('some devices returning null is CMSSW’s throwSomeNullException', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const error = await failure(runProcess(job(mock.name, { read: 'D', nullOn: [1] }), registry()));
    expect(error.category).toBe('UnimplementedFeature');
    expect(error.message).toBe(
      'The Alpaka backend has multiple devices. The device-specific produce() function returned a null product for some of the devices of the backend, but not all. This is not currently supported.',
    );
  });

  it('a host product that was not made is a missing device product, without copies', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const error = await failure(runProcess(job(mock.name, { aNull: true }), registry()));
    expect(error.category).toBe('MakeDataException');
    expect(error.message).toBe(
      'Error while making data "ESDeviceProduct<PortableDeviceCollection>" "" in Record AlpakaESTestRecordA',
    );
    expect(mock.statistics().hostToDeviceCopies).toBe(0);
  });
});
