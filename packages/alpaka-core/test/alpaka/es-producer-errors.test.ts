import { loadBackend } from '@alpaka-ts/interface';
import { collectionFor } from '@alpaka-ts/portable';
import { beforeEach, describe, expect, it } from 'vitest';
import { runtimeOfBackend } from '../../src/alpaka/alpaka-backend-runtime';
import { alpakaProductType } from '../../src/alpaka/alpaka-product-type';
import { AlpakaESProducer } from '../../src/alpaka/es-producer';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { runProcess } from '../scheduling/make-process';
import { journal, Points, PointsCollection, registerMockBackend } from './alpaka-test-modules';
import { failure, job, registry } from './es-test-jobs';
import {
  AlpakaESTestRecordA,
  esModuleDescription,
  recordASource,
  resetESJournals,
  TestAlpakaESProducerA,
} from './es-test-modules';

beforeEach(() => {
  journal.length = 0;
  resetESJournals();
});

describe('missing alpaka ES products on serial_sync', async () => {
  await loadBackend('serial_sync');

  it('a device produce returning null is a missing product: its consumer gets MakeDataException', async () => {
    const error = await failure(runProcess(job('serial_sync', { read: 'D', nullOn: [0] }), registry()));
    expect(error.category).toBe('MakeDataException');
    expect(error.message).toBe(
      'Error while making data "PortableHostCollection" "scaled" in Record AlpakaESTestRecordA',
    );
  });
});

describe('missing alpaka ES products on an accelerator with two devices', () => {
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

class HostCalibration {
  readonly gain = 2;
}
class DeviceCalibration {}

/** Declares a device form for a host type that has no CopyToDevice. */
class UncopyableESProducer extends AlpakaESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.setWhatProduced(AlpakaESTestRecordA, alpakaProductType(HostCalibration, DeviceCalibration), () => {
      return new HostCalibration();
    });
  }
}

/** A device produce that fails on device 1, after device 0 enqueued work. */
class FailingDeviceESProducer extends AlpakaESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.setWhatProducedOnDevice(AlpakaESTestRecordA, PointsCollection, (record) => {
      const output = collectionFor(record.queue(), Points, 4);
      if (record.device().index === 1) throw new Error('calibration for device 1 is corrupt');
      return output;
    });
  }
}

describe('alpaka ESProducer misuse and failures', () => {
  it('an alpaka ESProducer constructed unbound says how the framework binds it', () => {
    expect(() => new TestAlpakaESProducerA(new ParameterSet().addParameter('value', 'int32', 1))).toThrow(
      /TestAlpakaESProducerA is an alpaka module: .*alpaka_serial_sync::TestAlpakaESProducerA/,
    );
  });

  it('a device form without a CopyToDevice is refused when the module is constructed on an accelerator', async () => {
    const mock = registerMockBackend();
    const description = {
      ...job(mock.name, { read: 'host-only' }),
      eventSetupModules: [
        recordASource(),
        esModuleDescription('ESProducer', `alpaka_${mock.name}::UncopyableESProducer`, 'uncopyable'),
      ],
    };
    const error = await failure(runProcess(description, registry().register(UncopyableESProducer)));
    expect(error.category).toBe('Configuration');
    expect(error.message).toMatch(
      /produces a HostCalibration with the device form DeviceCalibration, but no CopyToDevice is registered for HostCalibration/,
    );
  });

  it('a device produce that throws fails the product for its consumers; the queues used go back to the cache', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const runtime = runtimeOfBackend(mock);
    const description = {
      ...job(mock.name),
      eventSetupModules: [
        recordASource(),
        esModuleDescription('ESProducer', `alpaka_${mock.name}::FailingDeviceESProducer`, 'failing'),
      ],
    };
    const error = await failure(runProcess(description, registry().register(FailingDeviceESProducer)));
    expect(error.message).toContain('calibration for device 1 is corrupt');
    await mock.drain();
    // Both queues were given back: taking one per device again makes no new queue.
    const created = runtime.queueCache.createdCount;
    for (const device of runtime.devices) runtime.queueCache.get(device);
    expect(runtime.queueCache.createdCount).toBe(created);
  });
});
