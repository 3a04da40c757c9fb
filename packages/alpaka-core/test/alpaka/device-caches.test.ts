import { copyToHost, host, loadBackend, makeWorkDiv, type Queue, registerCopyToDevice } from '@alpaka-ts/interface';
import { collectionFor, type PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AlpakaBackendRuntime,
  alpakaBackendRuntime,
  runtimeOfBackend,
} from '../../src/alpaka/alpaka-backend-runtime';
import { CopyToDeviceCache } from '../../src/alpaka/copy-to-device-cache';
import { type device, global } from '../../src/alpaka/index';
import { MoveToDeviceCache } from '../../src/alpaka/move-to-device-cache';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import {
  journal,
  Points,
  PointsAnalyzer,
  PointsCollection,
  registerMockBackend,
  scalePoints,
} from './alpaka-test-modules';

type Collection = PortableHostCollection | PortableDeviceCollection;

/** Five points, x = 10 + i, y = −i. */
function hostPoints(): PortableHostCollection {
  const points = new PortableHostCollection(Points, 5, host());
  const columns = points.view().columns;
  for (let i = 0; i < 5; i++) {
    (columns.x as Float64Array)[i] = 10 + i;
    (columns.y as Float64Array)[i] = -i;
  }
  return points;
}

const xs = (points: PortableHostCollection) => [...(points.constView().columns.x as Float64Array)];

/** The cached collection read back through a kernel on `queue` (scaled by 3) and a copy to the host. */
async function readThrough(queue: Queue, cached: Collection, runtime: AlpakaBackendRuntime): Promise<number[]> {
  const output = collectionFor(queue, Points, cached.size);
  void queue.exec(makeWorkDiv(runtime.accelerator(), 1, cached.size), scalePoints, {
    input: cached.constView(),
    output: output.view(),
    factor: 3,
    n: cached.size,
  });
  const back = await copyToHost<PortableHostCollection>(queue, output);
  await queue.wait();
  return xs(back);
}

beforeEach(() => {
  journal.length = 0;
});

describe('MoveToDeviceCache and CopyToDeviceCache on serial_sync', async () => {
  await loadBackend('serial_sync');
  const runtime = await alpakaBackendRuntime('serial_sync');

  it('Move uses the host object itself for the device and for any queue of it', async () => {
    const points = hostPoints();
    const cache = new MoveToDeviceCache(points, runtime);
    const queue = runtime.devices[0]?.createQueue() as Queue;
    expect(cache.get(runtime.devices[0] as never)).toBe(points);
    expect(cache.get(queue)).toBe(points);
    await expect(cache.ready).resolves.toBeUndefined();
  });

  it('Copy caches a copy: equal values, another object, unaffected by later changes to the host object', () => {
    const points = hostPoints();
    const cache = new CopyToDeviceCache(points, runtime);
    const cached = cache.get(runtime.devices[0] as never) as PortableHostCollection;
    expect(cached).not.toBe(points);
    expect(xs(cached)).toEqual([10, 11, 12, 13, 14]);
    (points.view().columns.x as Float64Array)[0] = -1;
    expect(xs(cached)[0]).toBe(10);
  });

  it('Copy of an object that is not a portable product needs a copy function', () => {
    const settings = { threshold: 3 };
    expect(() => new CopyToDeviceCache(settings, runtime)).toThrow(/pass \{ copy \}/);
    const cache = new CopyToDeviceCache(settings, runtime, { copy: (value) => ({ ...value }) });
    const cached = cache.get(runtime.devices[0] as never);
    expect(cached).toEqual({ threshold: 3 });
    expect(cached).not.toBe(settings);
  });
});

describe('MoveToDeviceCache and CopyToDeviceCache on an accelerator with two devices', () => {
  it('Move copies to every device at once; get(queue) orders the queue after the copy; get(device) waits for ready', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const runtime = runtimeOfBackend(mock);
    const [device0, device1] = runtime.devices as [never, never];
    const cache = new MoveToDeviceCache<PortableHostCollection, PortableDeviceCollection>(hostPoints(), runtime);
    // Both copies are enqueued by the constructor (counted when enqueued), none has run yet.
    expect(mock.statistics(0).hostToDeviceCopies).toBe(1);
    expect(mock.statistics(1).hostToDeviceCopies).toBe(1);
    expect(() => cache.get(device0)).toThrow(/has not finished yet: use get\(queue\)/);
    const queue = (device1 as { createQueue(): Queue }).createQueue();
    const onDevice1 = cache.get(queue);
    expect(onDevice1.buffer.device).toBe(device1);
    expect(mock.statistics(1).eventWaits).toBe(1);
    expect(await readThrough(queue, onDevice1, runtime)).toEqual([30, 33, 36, 39, 42]);
    await cache.ready;
    const onDevice0 = cache.get(device0);
    expect(onDevice0.buffer.device).toBe(device0);
    expect(onDevice0).not.toBe(onDevice1);
    // Once the copy is known complete, a get needs no wait.
    cache.get(queue);
    expect(mock.statistics(1).eventWaits).toBe(1);
    expect(() => cache.get(host() as never)).toThrow(/holds data for the devices of/);
  });

  it('Copy lets the caller change the host object right after construction', async () => {
    const mock = registerMockBackend({ deviceCount: 2 });
    const runtime = runtimeOfBackend(mock);
    const points = hostPoints();
    const cache = new CopyToDeviceCache<PortableHostCollection, PortableDeviceCollection>(points, runtime);
    (points.view().columns.x as Float64Array).fill(0);
    await cache.ready;
    for (const device of runtime.devices) {
      const queue = device.createQueue();
      expect(await readThrough(queue, cache.get(queue), runtime)).toEqual([30, 33, 36, 39, 42]);
    }
    expect(mock.statistics().hostToDeviceCopies).toBe(2);
  });
});

/** An alpaka producer holding job-long data in a MoveToDeviceCache built in its constructor. */
class CachedPointsProducer extends global.EDProducer {
  static readonly madeFrom: PortableHostCollection[] = [];
  static readonly used: Collection[] = [];
  readonly #cache: MoveToDeviceCache<PortableHostCollection, PortableDeviceCollection>;
  readonly #token = this.produces(PointsCollection);

  constructor(parameters: ParameterSet) {
    super(parameters);
    const points = hostPoints();
    CachedPointsProducer.madeFrom.push(points);
    this.#cache = new MoveToDeviceCache(points, this);
  }

  produce(_streamID: number, event: device.Event): void {
    const queue = event.queue();
    const cached = this.#cache.get(queue);
    CachedPointsProducer.used.push(cached);
    const output = collectionFor(queue, Points, cached.size);
    void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, cached.size), scalePoints, {
      input: cached.constView(),
      output: output.view(),
      factor: 2,
      n: cached.size,
    });
    event.put(this.#token, output);
  }
}

describe('a MoveToDeviceCache in an alpaka module', async () => {
  await loadBackend('serial_sync');

  const job = (backend: string) =>
    makeProcess({
      maxEvents: 2,
      modules: {
        cached: { type: `alpaka_${backend}::CachedPointsProducer` },
        analyzer: {
          type: 'PointsAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'cached'),
        },
      },
      paths: { p: ['cached', 'analyzer'] },
    });
  // x: 2·(10+11+12+13+14) = 120; y: 2·(0−1−2−3−4) = −20.
  const expected = ['analyzer:analyze:1:120:-20', 'analyzer:analyze:2:120:-20'];

  it('on serial_sync: the module works on its host object itself', async () => {
    CachedPointsProducer.madeFrom.length = 0;
    CachedPointsProducer.used.length = 0;
    await runProcess(job('serial_sync'), makeRegistry(CachedPointsProducer, PointsAnalyzer));
    expect(journal).toEqual(expected);
    expect(CachedPointsProducer.used).toEqual([CachedPointsProducer.madeFrom[0], CachedPointsProducer.madeFrom[0]]);
    expect(CachedPointsProducer.used[0]).toBe(CachedPointsProducer.madeFrom[0]);
  });

  it('on the mock accelerator: kernels read the device copy, used from the first event on', async () => {
    const mock = registerMockBackend();
    CachedPointsProducer.used.length = 0;
    await runProcess(job(mock.name), makeRegistry(CachedPointsProducer, PointsAnalyzer));
    expect(journal).toEqual(expected);
    expect(CachedPointsProducer.used.every((used) => !used.buffer.device.isHost)).toBe(true);
    expect(mock.statistics().hostToDeviceCopies).toBe(1);
  });
});

describe('MoveToDeviceCache when a copy fails', () => {
  it('throws the copy’s error and gives every queue it took back to the cache once its work is done', async () => {
    class Fragile {}
    registerCopyToDevice(Fragile, {
      copyAsync: (queue) => {
        if (queue.device.index === 1) throw new Error('no copy to device 1');
        return new Fragile();
      },
    });
    const mock = registerMockBackend({ deviceCount: 2 });
    const runtime = runtimeOfBackend(mock);
    expect(() => new MoveToDeviceCache(new Fragile(), runtime)).toThrow('no copy to device 1');
    await mock.drain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const created = runtime.queueCache.createdCount;
    for (const device of runtime.devices) runtime.queueCache.get(device);
    expect(runtime.queueCache.createdCount).toBe(created);
  });
});
