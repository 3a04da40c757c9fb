import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConstEvent, cms, type EDGetToken, global, type ParameterSet } from '@alpaka-ts/core';
import {
  type AlpakaProductType,
  alpakaProductType,
  type device,
  registerBackendIdentity,
  stream,
} from '@alpaka-ts/core/alpaka';
import { type Buffer, memcpy, type Queue, registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import {
  PortableDeviceCollection,
  PortableDeviceMultiCollection,
  PortableDeviceObject,
  PortableHostCollection,
  PortableHostMultiCollection,
  PortableHostObject,
} from '@alpaka-ts/portable';
import { describe, expect, it } from 'vitest';
import { hitsFor, jobRegistry, runJob } from './job-modules';
import { shapesFor } from './shape-modules';

// What ArrowSource reads is a host product like any other: a device module consuming it gets the implicit
// host→device copy, and a host module consuming that module's device product the device→host copy back, on the
// mock accelerator (device memory JavaScript cannot read, non-blocking queues) of @alpaka-ts/interface/testing.
const mock = createMockAcceleratorBackend({ name: 'mock_arrow_io' });
registerBackend(mock);
registerBackendIdentity(mock.name, { value: 250, typeSuffix: 'MockArrowIo' });

type Product = { readonly buffer: Buffer };
interface Kind {
  readonly type: AlpakaProductType;
  readonly device: abstract new (...args: never[]) => Product;
  readonly host: abstract new (...args: never[]) => Product;
  readonly label: string;
  readonly twin: (input: never, queue: Queue) => Product;
}
const kinds: Record<string, Kind> = {
  collection: {
    type: alpakaProductType(PortableHostCollection, PortableDeviceCollection),
    device: PortableDeviceCollection,
    host: PortableHostCollection,
    label: 'producer',
    twin: (input: PortableDeviceCollection, queue) => new PortableDeviceCollection(input.schema, input.size, queue),
  },
  multi: {
    type: alpakaProductType(PortableHostMultiCollection, PortableDeviceMultiCollection),
    device: PortableDeviceMultiCollection,
    host: PortableHostMultiCollection,
    label: 'shapes',
    twin: (input: PortableDeviceMultiCollection, queue) =>
      new PortableDeviceMultiCollection(input.schemas, input.sizes, queue),
  },
  object: {
    type: alpakaProductType(PortableHostObject, PortableDeviceObject),
    device: PortableDeviceObject,
    host: PortableHostObject,
    label: 'shapes',
    twin: (input: PortableDeviceObject, queue) => new PortableDeviceObject(input.schema, queue),
  },
};

/** On the device: a copy of what ArrowSource read (after the framework copied it there), for each kind. */
class OnDevice extends stream.EDProducer {
  readonly #tokens = Object.values(kinds).map((kind) => ({
    kind,
    input: this.consumes(kind.type, kind.label) as device.EDGetToken<Product>,
    output: this.produces(kind.type, kind.device.name) as device.EDPutToken<Product>,
  }));
  produce(event: device.Event): void {
    for (const { kind, input, output } of this.#tokens) {
      const product: Product = event.get(input);
      if (!(product instanceof kind.device)) throw new Error(`the device module got a ${String(product)}`);
      const queue = event.queue();
      const copy = kind.twin(product as never, queue);
      memcpy(queue, copy.buffer, product.buffer);
      event.put(output, copy);
    }
  }
}

/** Event number → kind → the bytes of the device module's product, copied back to the host by the framework. */
const seen = new Map<number, Record<string, number[]>>();

/** On the host: the device module's products. */
class Back extends global.EDAnalyzer {
  readonly #inputs: [string, EDGetToken<Product>][];
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#inputs = Object.entries(kinds).map(([name, kind]) => [
      name,
      this.consumes(kind.host as never, `onDevice:${kind.device.name}`),
    ]);
  }
  analyze(_stream: number, event: ConstEvent): void {
    const bytes: Record<string, number[]> = {};
    for (const [name, token] of this.#inputs) bytes[name] = Array.from(event.get(token).buffer.hostArray());
    seen.set(event.id().event, bytes);
  }
}

describe('what ArrowSource reads, on a device', () => {
  it('is copied to the device for a device consumer and back for a host one, bit for bit, for every kind', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'arrow-device-')), 'products.arrow');
    const written = await runJob((process) => {
      process.source = cms.Source('EmptySource');
      process.maxEvents.input = 4;
      process.producer = cms.EDProducer('HitsProducer', { skipEvery: cms.int32(0) });
      process.shapes = cms.EDProducer('ShapesProducer');
      process.output = cms.OutputModule('ArrowOutputModule', { fileName: cms.untracked.string(file) });
      process.p = cms.Path(process.producer, process.shapes);
      process.e = cms.EndPath(process.output);
    }, 'WRITE');
    expect(written).toBeUndefined();
    const registry = jobRegistry().register(OnDevice).register(Back);
    const before = mock.statistics();
    const failure = await runJob(
      (process) => {
        process.source = cms.Source('ArrowSource', { fileNames: cms.untracked.vstring(file) });
        process.onDevice = cms.EDProducer(`alpaka_${mock.name}::OnDevice`);
        process.back = cms.EDAnalyzer('Back');
        process.p = cms.Path(process.onDevice, process.back);
      },
      'DEVICE',
      registry,
    );
    expect(failure).toBeUndefined();
    expect([...seen.keys()]).toEqual([1, 2, 3, 4]);
    for (const [event, bytes] of seen) {
      const { multi, beam } = shapesFor(event);
      expect(bytes).toEqual({
        collection: Array.from(hitsFor(event).buffer.hostArray()),
        multi: Array.from(multi.buffer.hostArray()),
        object: Array.from(beam.buffer.hostArray()),
      });
    }
    // Per event and kind: the framework's host→device copy, the module's device→device one, the copy back.
    const after = mock.statistics();
    expect(after.hostToDeviceCopies - before.hostToDeviceCopies).toBe(12);
    expect(after.deviceToDeviceCopies - before.deviceToDeviceCopies).toBe(12);
    expect(after.deviceToHostCopies - before.deviceToHostCopies).toBe(12);
  });
});
