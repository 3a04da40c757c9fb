import { allocBuf, type Buffer, copyToDevice, host, memcpy, type Queue, u8 } from '@alpaka-ts/interface';
import { type PortableHostCollection, type PortableHostMultiCollection, PortableHostObject } from '@alpaka-ts/portable';
import { describe, expect, it } from 'vitest';
import {
  type TestDeviceCollection,
  TestHostCollection,
  testCollectionFor,
  testMultiCollection2For,
  testMultiCollection3For,
} from '../src/data-formats/test-collections';
import { type TestHostObject, testObjectFor } from '../src/data-formats/test-objects';
import { UpdateInfo } from '../src/test-algo/update-info';
import { expectFilled, layout0, layout1, layout2 } from './expect-filled';
import { algoBackends, readBack } from './test-algo-setup';

/** UpdateInfo {x, y, z} in the queue's device memory, as the device caches hold it. */
function updateInfoOn(queue: Queue, x: number, y: number, z: number): Buffer {
  const info = new PortableHostObject(UpdateInfo, host());
  Object.assign(info.value, { x, y, z });
  if (queue.device.isHost) return info.buffer;
  const onDevice = allocBuf(queue.device, u8, UpdateInfo.byteSize);
  memcpy(queue, onDevice, info.buffer);
  return onDevice;
}

describe.each(await algoBackends())('TestAlgo on $name', ({ queue: newQueue, algo }) => {
  it('fill: r = 1 and row i = {xvalue, 0, 0, i, flags, matrix · i}, over more than one group of 64', async () => {
    const queue = newQueue();
    const collection = testCollectionFor(queue, 130);
    await algo.fill(queue, collection, 1.5);
    const onHost = await readBack(queue, collection);
    expectFilled((onHost as PortableHostCollection).view(), layout0, 1, () => 1.5);
  });

  it('fillMulti2 and fillMulti3: each layout of its own size, r2 = 2 and r3 = 3', async () => {
    const queue = newQueue();
    const multi2 = testMultiCollection2For(queue, [10, 70]);
    const multi3 = testMultiCollection3For(queue, [5, 70, 131]);
    await algo.fillMulti2(queue, multi2, 2);
    await algo.fillMulti3(queue, multi3);
    const host2 = (await readBack(queue, multi2)) as PortableHostMultiCollection;
    const host3 = (await readBack(queue, multi3)) as PortableHostMultiCollection;
    expect(host2.sizes).toEqual([10, 70]);
    expectFilled(host2.view(0), layout0, 1, () => 2);
    expectFilled(host2.view(1), layout1, 2, () => 2);
    expect(host3.sizes).toEqual([5, 70, 131]);
    expectFilled(host3.view(0), layout0, 1, () => 0);
    expectFilled(host3.view(1), layout1, 2, () => 0);
    expectFilled(host3.view(2), layout2, 3, () => 0);
  });

  it('fillObject writes {x, y, z, id}', async () => {
    const queue = newQueue();
    const object = testObjectFor(queue);
    await algo.fillObject(queue, object, 5, 12, 13, 42);
    const onHost = (await readBack(queue, object)) as TestHostObject;
    expect({ ...onHost.value }).toEqual({ x: 5, y: 12, z: 13, id: 42 });
  });

  it('update with UpdateInfo: x_i += d.x, everything else copied, for the collection and the multi versions', async () => {
    const queue = newQueue();
    const info = updateInfoOn(queue, 3, 4, 5);
    const collection = testCollectionFor(queue, 70);
    const multi2 = testMultiCollection2For(queue, [4, 66]);
    const multi3 = testMultiCollection3For(queue, [3, 8, 65]);
    await algo.fill(queue, collection, 1);
    await algo.fillMulti2(queue, multi2, 1);
    await algo.fillMulti3(queue, multi3, 1);
    const updated = await algo.update(queue, collection, info);
    const updated2 = await algo.updateMulti2(queue, multi2, info);
    const updated3 = await algo.updateMulti3(queue, multi3, info);
    const host1 = (await readBack(queue, updated)) as PortableHostCollection;
    const host2 = (await readBack(queue, updated2)) as PortableHostMultiCollection;
    const host3 = (await readBack(queue, updated3)) as PortableHostMultiCollection;
    expectFilled(host1.view(), layout0, 1, () => 4);
    expectFilled(host2.view(0), layout0, 1, () => 4);
    expectFilled(host2.view(1), layout1, 2, () => 4);
    expectFilled(host3.view(0), layout0, 1, () => 4);
    expectFilled(host3.view(1), layout1, 2, () => 4);
    expectFilled(host3.view(2), layout2, 3, () => 4);
    // The input is left as it was.
    expectFilled(((await readBack(queue, collection)) as PortableHostCollection).view(), layout0, 1, () => 1);
  });

  it('checkZero passes on zero-initialised collections of every kind', async () => {
    const queue = newQueue();
    const products = [
      testCollectionFor(queue, 100),
      testMultiCollection2For(queue, [3, 40]),
      testMultiCollection3For(queue, [1, 2, 70]),
    ];
    for (const product of products) {
      product.zeroInitialise(queue);
      await algo.checkZero(queue, product);
    }
    await queue.wait();
  });

  it('checkZero fails the queue, naming the first field that is not 0', async () => {
    const queue = newQueue();
    const collection = testCollectionFor(queue, 5);
    collection.zeroInitialise(queue);
    await algo.fill(queue, collection, 0);
    // Row 0 is all zeros but for r and flags; the first failing check on one thread is the scalar r.
    const failure = algo.checkZero(queue, collection).then(() => queue.wait());
    await expect(failure).rejects.toThrow(
      /TestAlgo::checkZero\(Test(Host|Device)Collection\): \d+ assertion\(s\) that every field is 0 failed in the kernel; the first: scalar r is not 0/,
    );

    const multi = testMultiCollection2For(queue, [2, 3]);
    multi.zeroInitialise(queue);
    await algo.fillMulti2(queue, multi, 7);
    await queue.wait();
    const second = algo.checkZero(queue, multi).then(() => queue.wait());
    await expect(second).rejects.toThrow(
      /the first: scalar r is not 0; the lowest element with a field that is not 0: 0\./,
    );
  });

  it('checkZero names the field and the lowest element that is not 0', async () => {
    const queue = newQueue();
    const onHost = new TestHostCollection(6, host());
    (onHost.view().columns.x as Float64Array)[3] = 1.5;
    const collection = queue.device.isHost ? onHost : copyToDevice<TestDeviceCollection>(queue, onHost);
    const failure = algo.checkZero(queue, collection).then(() => queue.wait());
    await expect(failure).rejects.toThrow(
      /1 assertion\(s\) that every field is 0 failed in the kernel; the first: column x is not 0; the lowest element with a field that is not 0: 3\./,
    );
  });
});
