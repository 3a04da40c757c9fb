import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyToDevice, copyToHost, Device, f32, f64, host, InvalidArgumentError, i32, u8 } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { defineLayout } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import {
  deepCopy,
  defineStruct,
  deserialiseMultiCollection,
  deserialiseObject,
  PortableDeviceCollection,
  PortableDeviceMultiCollection,
  PortableHostCollection,
  PortableHostMultiCollection,
  PortableHostObject,
  ProductMovedError,
  serialiseMultiCollection,
  serialiseObject,
} from '../src/index';
import { acceleratorLikeDevice } from './accelerator-like-device';
import { resealed, withHeaderText } from './frame-editing';

const hits = defineLayout('Hits', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'scalar', name: 'energy', elementType: f64 },
]);
const tracks = defineLayout(
  'Tracks',
  [
    { kind: 'column', name: 'pt', elementType: f32 },
    { kind: 'arrayColumn', name: 'hitIndices', elementType: i32, length: 3 },
  ],
  { alignment: 64 },
);
const beamSpot = defineStruct('BeamSpot', { x: f64, y: f64, z: f64, flag: u8, count: i32 });

function filledMulti(): PortableHostMultiCollection {
  const multi = new PortableHostMultiCollection([hits, tracks], [5, 3], host());
  multi.view(0).columns.x?.set([1, 2, 3, 4, 5]);
  multi.view(0).scalars.energy = 2.5;
  multi.view(tracks).columns.pt?.set([0.5, 1.5, 2.5]);
  multi.view(tracks).columns.hitIndices?.set([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  return multi;
}

describe('serialised multi-layout collections and objects', () => {
  it('round-trip byte for byte, every layout at its offset', () => {
    const original = filledMulti();
    const copy = deserialiseMultiCollection(serialiseMultiCollection(original));
    expect(copy.sizes).toEqual([5, 3]);
    expect(copy.buffer.hostArray()).toEqual(original.buffer.hostArray());
    expect([...(copy.view(1).columns.hitIndices ?? [])]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(copy.view(0).scalars.energy).toBe(2.5);
  });

  it('objects round-trip as the C struct they are, and Python reads a field from the header alone', () => {
    const object = new PortableHostObject(beamSpot, host());
    Object.assign(object.value, { x: 0.25, y: -1, z: 7.5, flag: 3, count: -42 });
    const bytes = serialiseObject(object);
    const copy = deserialiseObject(bytes);
    expect({ ...copy.value }).toEqual({ x: 0.25, y: -1, z: 7.5, flag: 3, count: -42 });
    expect(copy.schema.byteSize).toBe(32);
    const file = join(mkdtempSync(join(tmpdir(), 'alpaka-object-')), 'beamspot.obj');
    writeFileSync(file, bytes);
    const reader = [
      'import json, struct, sys',
      "data = open(sys.argv[1], 'rb').read()",
      "assert data[:8] == b'ALPKOBJ2'",
      "length = struct.unpack_from('<I', data, 8)[0]",
      'header = json.loads(data[16:16 + length])',
      'start = (16 + length + 7) // 8 * 8',
      "count = next(field for field in header['fields'] if field['name'] == 'count')",
      "print(struct.unpack_from('<i', data, start + count['offset'])[0])",
    ].join('\n');
    const run = spawnSync('python3', ['-c', reader, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('-42');
  });

  it('refuse the wrong kind and tampered headers', () => {
    const object = serialiseObject(new PortableHostObject(beamSpot, host()));
    expect(() => deserialiseMultiCollection(object)).toThrow(
      'not a serialised alpaka-ts multi-layout collection: it does not start with ALPKMSO2.',
    );
    expect(() => deserialiseObject(withHeaderText(object, '"offset":24', '"offset":20'))).toThrow(
      /not a serialised alpaka-ts object: the checksum disagrees/,
    );
    const resealedOffset = resealed(object, { header: (text) => text.replace('"offset":24', '"offset":20') });
    expect(() => deserialiseObject(resealedOffset)).toThrow(/disagree with a C struct of those fields/);
    const longer = resealed(object, { data: (data) => Uint8Array.from([...data, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect(() => deserialiseObject(longer)).toThrow("8 bytes follow the struct's 32; the frame ends with it.");
  });
});

describe('deepCopy', () => {
  it('copies a host collection into another of the same layout and size, and refuses any other', () => {
    const source = new PortableHostCollection(hits, 4, host());
    source.view().columns.x?.set([1, 2, 3, 4]);
    source.view().scalars.energy = 8;
    const destination = new PortableHostCollection(hits, 4, host());
    deepCopy(destination, source);
    expect([...(destination.view().columns.x ?? [])]).toEqual([1, 2, 3, 4]);
    expect(destination.view().scalars.energy).toBe(8);
    expect(() => deepCopy(new PortableHostCollection(hits, 5, host()), source)).toThrow(
      'deepCopy: the sizes differ (5 and 4 elements).',
    );
    expect(() => deepCopy(new PortableHostCollection(tracks, 4, host()), source)).toThrow(/the layouts differ/);
    expect(() => deepCopy(filledMulti(), source)).toThrow(
      /a PortableHostCollection cannot be copied into a PortableHostMultiCollection/,
    );
  });

  it('goes through a device in queue order, and needs the queue to', async () => {
    const queue = acceleratorLikeDevice.createQueue();
    const source = filledMulti();
    const onDevice = new PortableDeviceMultiCollection(source.schemas, source.sizes, queue);
    expect(() => deepCopy(onDevice, source)).toThrow(/pass the queue/);
    deepCopy(onDevice, source, queue);
    const back = (await copyToHost(queue, onDevice)) as PortableHostMultiCollection;
    await queue.wait();
    expect(back.buffer.hostArray()).toEqual(source.buffer.hostArray());
  });
});

describe('ownership', () => {
  it('transfer() moves the buffer to a new owner; the old one refuses every use', () => {
    const collection = new PortableHostCollection(hits, 3, host());
    collection.view().columns.x?.set([7, 8, 9]);
    const moved = collection.transfer();
    expect(moved).toBeInstanceOf(PortableHostCollection);
    expect([...(moved.view().columns.x ?? [])]).toEqual([7, 8, 9]);
    expect(collection.isMoved).toBe(true);
    expect(() => collection.view()).toThrow(ProductMovedError);
    expect(() => collection.buffer).toThrow(/was transferred \(transfer\(\)\) and no longer owns its memory/);
    expect(() => collection.transfer()).toThrow(ProductMovedError);
    expect(() => deepCopy(moved, collection)).toThrow(ProductMovedError);

    const object = new PortableHostObject(beamSpot, host());
    object.value.count = 5;
    const movedObject = object.transfer();
    expect(movedObject.value.count).toBe(5);
    expect(() => object.value).toThrow(ProductMovedError);

    const queue = acceleratorLikeDevice.createQueue();
    const device = new PortableDeviceCollection(hits, 3, queue);
    const view = device.view();
    const movedDevice = device.transfer();
    expect(movedDevice.view()).not.toBe(view);
    expect(movedDevice.view().buffer).toBe(view.buffer);
    expect(() => device.view()).toThrow(ProductMovedError);
  });

  it('copyToDevice and copyToHost refuse a moved-from product before making its twin, and non-products', async () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_portable_moved' });
    const queue = Device.of(mock.platform().devices()[0] as never).createQueue();
    const collection = new PortableHostCollection(hits, 3, host());
    collection.transfer();
    const before = mock.statistics().allocations;
    expect(() => copyToDevice(queue, collection)).toThrow(ProductMovedError);
    const onDevice = new PortableDeviceCollection(hits, 3, queue);
    const allocated = mock.statistics().allocations;
    onDevice.transfer();
    await expect(copyToHost(queue, onDevice)).rejects.toThrow(ProductMovedError);
    // Nothing was allocated for the refused copies (the one allocation is the device collection's own).
    expect([allocated - before, mock.statistics().allocations - allocated]).toEqual([1, 0]);
    expect(() => copyToDevice(queue, { buffer: 1 } as never)).toThrow(/no CopyToDevice is registered for Object/);
    await expect(copyToHost(queue, 42 as never)).rejects.toThrow(
      /copyToHost needs a product object to copy, not a number/,
    );
  });

  it('host objects and multi-layout collections zero-initialise now or in queue order', async () => {
    const object = new PortableHostObject(beamSpot, host());
    object.value.count = 9;
    object.zeroInitialise();
    expect(object.value.count).toBe(0);
    const multi = filledMulti();
    const queue = host().createQueue();
    multi.zeroInitialise(queue);
    await queue.wait();
    expect(multi.buffer.hostArray().every((byte) => byte === 0)).toBe(true);
  });

  it('device multi-layout collections give each layout as a kernel view over its bytes', () => {
    const queue = acceleratorLikeDevice.createQueue();
    const multi = new PortableDeviceMultiCollection([hits, tracks], [5, 3], queue);
    const second = multi.view(tracks);
    expect(second.size).toBe(3);
    expect(second.buffer.byteOffset).toBe(multi.offsetOf(1));
    expect(multi.constView(0).readOnly).toBe(true);
    expect(() => multi.view(2)).toThrow(InvalidArgumentError);
  });
});
