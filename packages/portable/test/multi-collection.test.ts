import { copyToDevice, copyToHost, f32, f64, host, i32 } from '@alpaka-ts/interface';
import { computeDataSize, defineLayout } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import { PortableDeviceMultiCollection, PortableHostMultiCollection } from '../src/index';
import { acceleratorLikeDevice } from './accelerator-like-device';

const tracks = defineLayout('Tracks', [
  { kind: 'column', name: 'pt', elementType: f64 },
  { kind: 'scalar', name: 'count', elementType: i32 },
]);
const vertices = defineLayout('Vertices', [{ kind: 'column', name: 'z', elementType: f32 }], { alignment: 64 });
const accelerator = acceleratorLikeDevice;

describe('multi-layout collections', () => {
  it('chain the layouts in one buffer, each with its own size and alignment', () => {
    const collection = new PortableHostMultiCollection([tracks, vertices], [10, 3], host());
    expect(collection.sizes).toEqual([10, 3]);
    expect(collection.buffer.length).toBe(computeDataSize(tracks, 10) + computeDataSize(vertices, 3));
    collection.view(0).columns.pt?.fill(2.5);
    collection.view(vertices).columns.z?.set([1, 2, 3]);
    expect(collection.view(tracks).columns.pt?.[9]).toBe(2.5);
    // Vertices start right after Tracks' 256 bytes (a multiple of its 64-byte alignment).
    const bytes = collection.buffer.hostArray();
    expect(new Float32Array(bytes.buffer, bytes.byteOffset + 256, 3)).toEqual(Float32Array.from([1, 2, 3]));
  });

  it('copy to a device and back with one memcpy each way', async () => {
    const queue = accelerator.createQueue({ blocking: false });
    const original = new PortableHostMultiCollection([tracks, vertices], [4, 2], host());
    original.view(0).columns.pt?.set([1, 2, 3, 4]);
    original.view(0).scalars.count = 4;
    original.view(1).columns.z?.set([-1, -2]);
    const onDevice = copyToDevice<PortableDeviceMultiCollection>(queue, original);
    expect(onDevice).toBeInstanceOf(PortableDeviceMultiCollection);
    expect(onDevice.offsetOf(vertices)).toBe(computeDataSize(tracks, 4));
    const back = await copyToHost<PortableHostMultiCollection>(queue, onDevice);
    await queue.wait();
    expect([...(back.view(0).columns.pt ?? [])]).toEqual([1, 2, 3, 4]);
    expect(back.view(0).scalars.count).toBe(4);
    expect([...(back.view(1).columns.z ?? [])]).toEqual([-1, -2]);
  });

  it('hold 2 to 5 layouts, one size each, and name what is wrong', () => {
    expect(() => new PortableHostMultiCollection([tracks], [1], host())).toThrow(
      'a multi-layout collection holds 2 to 5 layouts, not 1.',
    );
    expect(() => new PortableHostMultiCollection([tracks, vertices], [1], host())).toThrow(
      'a multi-layout collection of 2 layouts needs 2 sizes, not 1.',
    );
    const collection = new PortableHostMultiCollection([tracks, vertices], [0, 0], host());
    expect(() => collection.view(2)).toThrow('the collection has layouts 0 … 1, not 2.');
    const other = defineLayout('Other', [{ kind: 'column', name: 'q', elementType: f64 }]);
    expect(() => collection.view(other)).toThrow("layout 'Other' is not one of this collection's (Tracks, Vertices).");
  });
});

describe('a multi-layout collection reached by layout', () => {
  it('finds a part by a layout of the same structure (a layout defined again, or read back), not only by identity', () => {
    const collection = new PortableHostMultiCollection([tracks, vertices], [3, 2], host());
    collection.view(vertices).columns.z?.set([5, 6]);
    const verticesAgain = defineLayout('Vertices', [{ kind: 'column', name: 'z', elementType: f32 }], {
      alignment: 64,
    });
    expect([...(collection.view(verticesAgain).columns.z ?? [])]).toEqual([5, 6]);
    // A different alignment is a different layout.
    const misaligned = defineLayout('Vertices', [{ kind: 'column', name: 'z', elementType: f32 }], { alignment: 128 });
    expect(() => collection.view(misaligned)).toThrow("layout 'Vertices' is not one of this collection's");
  });

  it('refuses a layout that has the structure of two of its parts, asking for an index', () => {
    const twin = defineLayout('Tracks', [
      { kind: 'column', name: 'pt', elementType: f64 },
      { kind: 'scalar', name: 'count', elementType: i32 },
    ]);
    const other = defineLayout('Tracks', [
      { kind: 'column', name: 'pt', elementType: f64 },
      { kind: 'scalar', name: 'count', elementType: i32 },
    ]);
    const collection = new PortableHostMultiCollection([tracks, twin], [1, 2], host());
    expect(collection.view(twin).size).toBe(2);
    expect(() => collection.view(other)).toThrow(
      "layout 'Tracks' has the structure of layouts 0 and 1 of this collection; pick one by index.",
    );
  });
});
