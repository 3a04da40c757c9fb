import { copyToDevice, copyToHost, f64, host, InvalidArgumentError, i32 } from '@alpaka-ts/interface';
import { defineLayout } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import { collectionFor, PortableDeviceCollection, PortableHostCollection } from '../src/index';
import { acceleratorLikeDevice } from './accelerator-like-device';

const hits = defineLayout('Hits', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'energy', elementType: f64 },
]);

const accelerator = acceleratorLikeDevice;

describe('portable collections', () => {
  it('a host collection is one buffer of computeDataSize bytes, written through its view', () => {
    const collection = new PortableHostCollection(hits, 10, host());
    expect(collection.buffer.length).toBe(128 + 128 + 128);
    collection.view().columns.x?.set([1, 2, 3]);
    collection.view().scalars.energy = 9;
    const bytes = collection.buffer.hostArray();
    expect(new Float64Array(bytes.buffer, bytes.byteOffset, 3)).toEqual(Float64Array.from([1, 2, 3]));
    expect(collection.constView().scalars.energy).toBe(9);
    expect(() => {
      // @ts-expect-error: a const view's scalars are read only in its type, and refused at run time
      collection.constView().scalars.energy = 1;
    }).toThrow(/const view/);
  });

  it('zero-size collections hold only the scalars; zeroInitialise clears everything', () => {
    const empty = new PortableHostCollection(hits, 0, host());
    expect(empty.buffer.length).toBe(128);
    const collection = new PortableHostCollection(hits, 4, host());
    collection.view().columns.id?.fill(7);
    collection.zeroInitialise();
    expect([...(collection.view().columns.id ?? [])]).toEqual([0, 0, 0, 0]);
  });

  it('on a host backend the collection type is the host collection, and copies copy nothing', async () => {
    const queue = host().createQueue();
    const collection = collectionFor(queue, hits, 3);
    expect(collection).toBeInstanceOf(PortableHostCollection);
    expect(copyToDevice(queue, collection)).toBe(collection);
    expect(await copyToHost(queue, collection)).toBe(collection);
    expect(() => new PortableDeviceCollection(hits, 3, queue)).toThrow(InvalidArgumentError);
  });

  it('copies to a device and back with one memcpy of the whole buffer each way', async () => {
    const queue = accelerator.createQueue({ blocking: false });
    const original = new PortableHostCollection(hits, 5, host());
    original.view().columns.x?.set([0.5, 1.5, 2.5, 3.5, 4.5]);
    original.view().columns.id?.set([10, 20, 30, 40, 50]);
    original.view().scalars.energy = 13.25;
    const onDevice = copyToDevice<PortableDeviceCollection>(queue, original);
    expect(onDevice).toBeInstanceOf(PortableDeviceCollection);
    expect(onDevice.buffer.device).toBe(accelerator);
    const back = await copyToHost<PortableHostCollection>(queue, onDevice);
    await queue.wait();
    expect(back).toBeInstanceOf(PortableHostCollection);
    expect([...(back.view().columns.id ?? [])]).toEqual([10, 20, 30, 40, 50]);
    expect([...(back.view().columns.x ?? [])]).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
    expect(back.view().scalars.energy).toBe(13.25);
    expect(collectionFor(queue, hits, 2)).toBeInstanceOf(PortableDeviceCollection);
  });

  it('refuses what is not a layout and sizes that are not element counts', () => {
    expect(() => new PortableHostCollection({} as never, 1, host())).toThrow(/needs an SoA layout/);
    expect(() => new PortableHostCollection(hits, -2, host())).toThrow(
      "a collection of 'Hits' needs an element count in 0 … 2^32-1, not -2.",
    );
  });
});
