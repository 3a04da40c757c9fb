// Alpaka ESProducers and ES-reading alpaka modules shared by the EventSetup tests of the alpaka layer: a host
// producer (its device form made by the implicit copy), a device producer that derives a collection from it with
// a kernel on each device's queue, and an ED producer that copies an ES collection into the event with a kernel.
// Each module journals what it saw, so tests check which device and queue each call had.

import { type Device, host, makeWorkDiv, type Queue } from '@alpaka-ts/interface';
import { collectionFor, type PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { AlpakaESProducer as ESProducer } from '../../src/alpaka/es-producer';
import { type device, global } from '../../src/alpaka/index';
import type { ModuleDescription } from '../../src/configuration/process-description';
import type { ConstEvent } from '../../src/event/event';
import type { ESGetToken as HostESGetToken } from '../../src/event-setup/es-get-token';
import type { EventSetup as HostEventSetup } from '../../src/event-setup/event-setup-provider';
import type { EventSetupRecord } from '../../src/event-setup/event-setup-record';
import { defineRecord } from '../../src/event-setup/event-setup-record-implementation';
import * as hostGlobal from '../../src/modules/global-modules';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { Points, PointsCollection, scalePoints } from './alpaka-test-modules';

export const AlpakaESTestRecordA = defineRecord('AlpakaESTestRecordA');

type Collection = PortableHostCollection | PortableDeviceCollection;

/** What the ES modules did: `A@run`, `D@run:device:queueIsTheRecordsDevice:previousQueuesEmpty`. */
export const esJournal: string[] = [];
/** The host products TestAlpakaESProducerA made, in order (for identity checks on serial_sync). */
export const hostProducts: PortableHostCollection[] = [];
/** What the ED consumers read from the EventSetup: the stream, the object, the device it lives on. */
export const esReads: { stream: number; product: Collection; device: Device; queuesEmpty: boolean }[] = [];
/** The queues TestAlpakaESProducerD's produce calls used, in order. */
export const deviceProduceQueues: Queue[] = [];

const firstRun = (record: EventSetupRecord): number | undefined => record.validityInterval.first.eventID?.run;

/** Host produce: 10 points, x = value − i + 100·run, y = i; or none with `returnNull`. */
export class TestAlpakaESProducerA extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const value = parameters.getParameter<number>('value');
    const returnNull = parameters.exists('returnNull') && parameters.getParameter<boolean>('returnNull');
    this.setWhatProduced(AlpakaESTestRecordA, PointsCollection, (record) => {
      esJournal.push(`A@${firstRun(record)}`);
      if (returnNull) return null;
      const points = new PortableHostCollection(Points, 10, host());
      const columns = points.view().columns;
      for (let i = 0; i < 10; i++) {
        (columns.x as Float64Array)[i] = value - i + 100 * (firstRun(record) ?? 0);
        (columns.y as Float64Array)[i] = i;
      }
      hostProducts.push(points);
      return points;
    });
  }
}

/**
 * Device produce: A's points scaled by `factor` with a kernel on the record's queue, once per device; null for
 * the device indices in `nullOn`.
 */
export class TestAlpakaESProducerD extends ESProducer {
  readonly #input: device.ESGetToken<Collection>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const factor = parameters.getParameter<number>('factor');
    const nullOn = parameters.exists('nullOn') ? parameters.getParameter<readonly number[]>('nullOn') : [];
    const consumes = this.setWhatProducedOnDevice(
      AlpakaESTestRecordA,
      PointsCollection,
      (record) => {
        const queue = record.queue();
        const previousEmpty = deviceProduceQueues.every((earlier) => earlier.isEmpty());
        deviceProduceQueues.push(queue);
        esJournal.push(
          `D@${firstRun(record)}:${record.device().index}:${queue.device === record.device()}:${previousEmpty}`,
        );
        if (nullOn.includes(record.device().index)) return null;
        const input = record.get(this.#input);
        const output = collectionFor(queue, Points, input.size);
        void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, input.size), scalePoints, {
          input: input.constView(),
          output: output.view(),
          factor,
          n: input.size,
        });
        return output;
      },
      { label: 'scaled' },
    );
    this.#input = consumes.consumes(PointsCollection);
  }
}

/** Reads an ES collection (`esLabel`) through device::EventSetup and puts a kernel's copy of it into the event. */
export class ESReadingProducer extends global.EDProducer {
  readonly #es: device.ESGetToken<Collection>;
  readonly #output = this.produces(PointsCollection);

  constructor(parameters: ParameterSet) {
    super(parameters);
    const label = parameters.exists('esLabel') ? parameters.getParameter<string>('esLabel') : '';
    this.#es = this.esConsumes(AlpakaESTestRecordA, PointsCollection, label);
  }

  produce(streamID: number, event: device.Event, eventSetup: device.EventSetup): void {
    const points = eventSetup.get(this.#es);
    esReads.push({
      stream: streamID,
      product: points,
      device: points.buffer.device,
      queuesEmpty: deviceProduceQueues.every((queue) => queue.isEmpty()),
    });
    const queue = event.queue();
    const output = collectionFor(queue, Points, points.size);
    void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, points.size), scalePoints, {
      input: points.constView(),
      output: output.view(),
      factor: 1,
      n: points.size,
    });
    event.put(this.#output, output);
  }
}

/** A host module reading A's host product with a plain token: no device copy is needed for it. */
export class HostESReader extends hostGlobal.EDAnalyzer {
  readonly #es: HostESGetToken<PortableHostCollection> = this.esConsumes(AlpakaESTestRecordA, PortableHostCollection);

  analyze(_streamID: number, _event: ConstEvent, eventSetup: HostEventSetup): void {
    const points = eventSetup.get(this.#es);
    esJournal.push(`host-read:${points.view().columns.x?.[0]}`);
  }
}

/** A description of an ES module, `@module_*` included (the cms builders write the same). */
export function esModuleDescription(
  edmType: 'ESProducer' | 'ESSource',
  type: string,
  label: string,
  fill: (parameters: ParameterSet) => void = () => {},
): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', label)
    .addParameter('@module_type', 'string', type)
    .addParameter('@module_edm_type', 'string', edmType);
  fill(parameters);
  return { label, type, edmType, parameters };
}

/** An EmptyESSource for AlpakaESTestRecordA with IOVs starting at these runs. */
export function recordASource(firstValid: readonly number[] = [1]): ModuleDescription {
  return esModuleDescription('ESSource', 'EmptyESSource', 'recordA', (p) =>
    p
      .addParameter('recordName', 'string', 'AlpakaESTestRecordA')
      .addParameter('firstValid', 'vuint32', firstValid)
      .addParameter('iovIsRunNotTime', 'bool', true),
  );
}

/** The untracked `alpaka` PSet with `synchronize`, as ProcessAcceleratorAlpaka fills it. */
export function synchronizeParameters(synchronize: boolean): ParameterSet {
  return new ParameterSet()
    .addUntrackedParameter('backend', 'string', '')
    .addUntrackedParameter('synchronize', 'bool', synchronize);
}

export function resetESJournals(): void {
  esJournal.length = 0;
  hostProducts.length = 0;
  esReads.length = 0;
  deviceProduceQueues.length = 0;
}
