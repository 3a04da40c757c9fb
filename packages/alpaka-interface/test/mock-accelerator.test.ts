import { describe, expect, it } from 'vitest';
import {
  type AlpakaError,
  acceleratorOf,
  allocAsyncBuf,
  allocBuf,
  allocMappedBuf,
  array,
  createSubView,
  createView,
  type Device,
  f32,
  fill,
  host,
  InvalidArgumentError,
  i32,
  KernelExecutionError,
  kernel,
  loadBackend,
  makeWorkDiv,
  memcpy,
  memset,
  Platform,
  registerBackend,
  u8,
  u32,
} from '../src/index';
import {
  conformanceCases,
  createMockAcceleratorBackend,
  holdQueue,
  type MockKernelRunner,
  runConformanceSuite,
} from '../src/testing/index';

const devicesOf = (backend: ReturnType<typeof createMockAcceleratorBackend>) =>
  Platform.of(backend.platform()).devices();
const firstDevice = (backend: ReturnType<typeof createMockAcceleratorBackend>) => devicesOf(backend)[0] as Device;

/** A host buffer holding values, and one to read a device buffer back into. */
const hostFloats = (values: number[]) => createView(new Float32Array(values));

const doubleValues = kernel('doubleValues', { n: u32, values: array(f32) }, (acc, { n, values }) => {
  for (const i of acc.uniformElements(n)) values[i] = values[i] * 2;
});

// A kernel runner of the test's own (the interface cannot use the kernel compiler): it knows doubleValues only,
// and reads the launch's arrays as host memory, as serialKernelRunner does.
const doublingRunner: MockKernelRunner = {
  runsOnHost: true,
  warpSizes: [1],
  limits: {
    maxBlocksPerGrid: [1024, 1024, 1024],
    maxThreadsPerBlock: [1, 1, 1],
    maxThreadsPerBlockTotal: 1,
    maxElementsPerThread: 1 << 20,
    maxDynamicSharedMemoryBytes: 0,
  },
  prepare(launch) {
    if (launch.kernel.name !== 'doubleValues') throw new InvalidArgumentError(`no kernel ${launch.kernel.name} here`);
    const { n, values } = launch.arguments;
    if (typeof n !== 'number' || typeof values !== 'object' || !values.memory.hostArrayBuffer)
      throw new Error('the runner did not get host-readable memory');
    const array = new Float32Array(values.memory.hostArrayBuffer, values.memory.hostByteOffset ?? 0, n);
    return () => {
      if (array[0] === -1) throw new Error('the kernel found -1');
      for (let index = 0; index < n; index++) array[index] = (array[index] as number) * 2;
    };
  },
};

describe('the mock accelerator backend', () => {
  it('is a BackendV1 that loads by name once registered, with devices that are not the host', async () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_registered', deviceCount: 2 });
    registerBackend(mock);
    expect(await loadBackend('mock_registered')).toBe(mock);
    expect([mock.specificationVersion, mock.accelerator, mock.runsOnHost]).toEqual(['v1', 'gpu-mock', false]);
    expect(mock.probe().available).toBe(true);
    expect(devicesOf(mock).map((device) => [device.index, device.isHost])).toEqual([
      [0, false],
      [1, false],
    ]);
    expect(createMockAcceleratorBackend().platform()).not.toBe(createMockAcceleratorBackend().platform());
  });

  it('refuses bad options before making anything', () => {
    expect(() => createMockAcceleratorBackend({ deviceCount: 0 })).toThrow(/deviceCount is 0/);
    expect(() => createMockAcceleratorBackend({ stepping: 'sometimes' as never })).toThrow(/'automatic' or 'manual'/);
    expect(() => createMockAcceleratorBackend({ initialByte: 256 })).toThrow(InvalidArgumentError);
  });

  it('has memory that JavaScript cannot read, holding the initial byte until written', async () => {
    const mock = createMockAcceleratorBackend();
    const device = firstDevice(mock);
    const buffer = allocBuf(device, u8, 4);
    expect(buffer.memory.hostArrayBuffer).toBeUndefined();
    expect(() => buffer.hostArray()).toThrow(/JavaScript cannot read/);
    const queue = device.createQueue();
    const back = allocBuf(host(), u8, 4);
    memcpy(queue, back, buffer);
    await queue.wait();
    expect([...back.hostArray()]).toEqual([0xa5, 0xa5, 0xa5, 0xa5]);
  });

  it('round-trips values host → device → device → host, through pitched 2D windows too', async () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const queue = device.createQueue();
    expect(queue.blocking).toBe(false);
    const grid = createView(
      Int32Array.from({ length: 12 }, (_, index) => index),
      [3, 4],
    );
    const onDevice = allocBuf(device, i32, [3, 4]);
    const window = allocBuf(device, i32, [2, 2]);
    memcpy(queue, onDevice, grid);
    memcpy(queue, window, createSubView(onDevice, [2, 2], [1, 1]));
    const back = allocBuf(host(), i32, [2, 2]);
    memcpy(queue, back, window);
    await queue.wait();
    expect([...back.hostArray()]).toEqual([5, 6, 9, 10]);
  });

  it('runs nothing before enqueue returns: the copy lands only once the queue has got to it', async () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const queue = device.createQueue();
    const onDevice = allocBuf(device, f32, 3);
    const back = hostFloats([0, 0, 0]);
    memcpy(queue, onDevice, hostFloats([1, 2, 3]));
    memcpy(queue, back, onDevice);
    expect(queue.isEmpty()).toBe(false);
    await Promise.resolve();
    expect([...back.hostArray()]).toEqual([0, 0, 0]);
    await queue.wait();
    expect([...back.hostArray()]).toEqual([1, 2, 3]);
    expect(queue.isEmpty()).toBe(true);
  });

  it('with manual stepping, runs one operation per queue per step and nothing in between', async () => {
    const mock = createMockAcceleratorBackend({ stepping: 'manual' });
    const device = firstDevice(mock);
    const queue = device.createQueue();
    const event = device.createEvent();
    const onDevice = allocBuf(device, f32, 2);
    const back = hostFloats([0, 0]);
    memcpy(queue, onDevice, hostFloats([4, 5]));
    queue.record(event);
    memcpy(queue, back, onDevice);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect([event.isComplete(), back.hostArray()[0]]).toEqual([false, 0]);
    expect(mock.step()).toBe(1); // the first copy
    expect(event.isComplete()).toBe(false);
    expect(mock.step()).toBe(1); // the record
    expect([event.isComplete(), back.hostArray()[0]]).toEqual([true, 0]);
    await mock.drain();
    expect([...back.hostArray()]).toEqual([4, 5]);
    expect(mock.step()).toBe(0);
    await queue.wait();
  });

  it('orders a queue of one device behind an event of another, and refuses events it cannot wait for', async () => {
    const mock = createMockAcceleratorBackend({ deviceCount: 2 });
    const [first, second] = devicesOf(mock) as [Device, Device];
    const firstQueue = first.createQueue();
    const secondQueue = second.createQueue();
    const order: string[] = [];
    const trigger = holdQueue(firstQueue);
    firstQueue.enqueue(() => void order.push('device 0'));
    const event = first.createEvent();
    firstQueue.record(event);
    secondQueue.waitFor(event);
    secondQueue.enqueue(() => void order.push('device 1'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([order.length, event.isComplete(), secondQueue.isEmpty()]).toEqual([0, false, false]);
    trigger.release();
    await secondQueue.wait();
    expect(order).toEqual(['device 0', 'device 1']);

    expect(() => secondQueue.implementation.record(event.implementation)).toThrow(/its own device's events/);
    const otherMock = firstDevice(createMockAcceleratorBackend());
    expect(() => firstQueue.waitFor(otherMock.createEvent())).toThrow(InvalidArgumentError);
    expect(() => firstQueue.waitFor(host().createEvent())).toThrow(/waits only for events of its own platform/);
  });

  it('makes stream-ordered memory usable at once on its queue, and on another only behind an event', async () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const allocating = device.createQueue();
    const other = device.createQueue();
    const trigger = holdQueue(allocating);
    const ordered = allocAsyncBuf(allocating, f32, 2);
    fill(allocating, ordered, 3);
    memset(other, ordered, 0); // not ordered after the allocation: the allocating queue is still held
    await expect(other.wait()).rejects.toThrow(/stream-ordered on queue 1 .* before that queue reached the allocation/);

    const event = device.createEvent();
    allocating.record(event);
    other.waitFor(event);
    const back = hostFloats([0, 0]);
    memcpy(other, back, ordered);
    trigger.release();
    await other.wait();
    expect([...back.hostArray()]).toEqual([3, 3]);
  });

  it('reports a failure at the next wait() only, and keeps running the work behind it', async () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const queue = device.createQueue();
    let after = 0;
    queue.enqueue(() => {
      throw new Error('boom on the mock');
    });
    queue.enqueue(() => {
      after += 1;
    });
    await expect(queue.wait()).rejects.toThrow(KernelExecutionError);
    expect(after).toBe(1);
    await expect(queue.wait()).resolves.toBeUndefined();
  });

  it('refuses at enqueue a copy from memory it cannot reach and a memset of host memory', () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const foreign = allocBuf(firstDevice(createMockAcceleratorBackend()), f32, 2);
    const queue = device.createQueue();
    const onDevice = allocBuf(device, f32, 2);
    expect(() => memcpy(queue, onDevice, foreign)).toThrow(/cannot reach; copy it through host memory/);
    expect(() => queue.implementation.set(allocBuf(host(), u8, 4).region(), 0, [1, 1, 4])).toThrow(
      /sets its own platform's device memory only/,
    );
    expect(queue.isEmpty()).toBe(true);
  });

  it('gives each device its own memory budget, and refuses an allocation past it', () => {
    const mock = createMockAcceleratorBackend({ deviceCount: 2, memoryBytesPerDevice: 1024 });
    const [first, second] = devicesOf(mock) as [Device, Device];
    const kept = allocBuf(first, u8, 1000);
    expect([first.freeMemoryBytes(), second.freeMemoryBytes()]).toEqual([24, 1024]);
    let refused: unknown;
    try {
      allocBuf(first, u8, 100);
    } catch (error) {
      refused = error;
    }
    expect((refused as AlpakaError).code).toBe('ALPAKA_OUT_OF_MEMORY');
    expect(allocBuf(second, u8, 1000).device).toBe(second);
    expect(kept.length).toBe(1000);
  });

  it('gives mapped memory on the host, readable by JavaScript, and counts copies through it as pinned', async () => {
    const mock = createMockAcceleratorBackend();
    const device = firstDevice(mock);
    const pinned = allocMappedBuf(device.platform, f32, 2);
    expect(pinned.device).toBe(host());
    pinned.hostArray().set([7, 8]);
    const queue = device.createQueue();
    const onDevice = allocBuf(device, f32, 2);
    memcpy(queue, onDevice, pinned);
    memcpy(queue, hostFloats([0, 0]), onDevice);
    await queue.wait();
    expect(mock.statistics()).toMatchObject({ mappedAllocations: 1, hostToDeviceCopies: 1, pageableHostCopies: 1 });
  });

  it('counts what was enqueued, per device and in total, until reset', async () => {
    const mock = createMockAcceleratorBackend({ deviceCount: 2 });
    const [first, second] = devicesOf(mock) as [Device, Device];
    const queue = first.createQueue();
    const secondQueue = second.createQueue();
    const a = allocBuf(first, f32, 4);
    const b = allocBuf(second, f32, 4);
    memcpy(queue, a, hostFloats([1, 2, 3, 4]));
    memcpy(queue, b, a); // a device-to-device copy between the two devices, on device 0's queue
    const copied = first.createEvent();
    queue.record(copied);
    secondQueue.waitFor(copied);
    const back = hostFloats([0, 0, 0, 0]);
    memcpy(secondQueue, back, b);
    fill(secondQueue, b, 1);
    await secondQueue.wait();
    expect([...back.hostArray()]).toEqual([1, 2, 3, 4]);
    expect(mock.statistics(0)).toMatchObject({
      hostToDeviceCopies: 1,
      hostToDeviceBytes: 16,
      deviceToDeviceCopies: 1,
      deviceToDeviceBytes: 16,
      deviceToHostCopies: 0,
      pageableHostCopies: 1,
      eventRecords: 1,
      fills: 0,
      allocations: 1,
    });
    expect(mock.statistics(1)).toMatchObject({
      deviceToHostCopies: 1,
      deviceToHostBytes: 16,
      eventWaits: 1,
      fills: 1,
      allocations: 1,
      hostToDeviceCopies: 0,
    });
    expect(mock.statistics()).toMatchObject({ allocations: 2, allocatedBytes: 32, fills: 1 });
    expect(() => mock.statistics(2)).toThrow(/has 2 device\(s\)/);
    mock.resetStatistics();
    expect(Object.values(mock.statistics()).every((count) => count === 0)).toBe(true);
  });

  it('refuses launches without a kernel runner, saying how to give one', async () => {
    const mock = createMockAcceleratorBackend();
    const device = firstDevice(mock);
    const queue = device.createQueue();
    const values = allocBuf(device, f32, 4);
    const division = makeWorkDiv(acceleratorOf(mock, 1), 1, 4);
    await expect(queue.exec(division, doubleValues, { n: 4, values })).rejects.toThrow(
      /without a kernel runner.*kernelRunner: serialKernelRunner/,
    );
    expect([queue.isEmpty(), mock.statistics().launches]).toEqual([true, 0]);
  });

  it("runs kernels through its runner in queue order, over the device memory's private bytes", async () => {
    const mock = createMockAcceleratorBackend({ kernelRunner: doublingRunner });
    expect([mock.runsOnHost, firstDevice(mock).warpSizes]).toEqual([true, [1]]);
    const device = firstDevice(mock);
    const queue = device.createQueue();
    const values = allocBuf(device, f32, 3);
    const division = makeWorkDiv(acceleratorOf(mock, 1), 1, 3);
    memcpy(queue, values, hostFloats([1, 2, 3]));
    await queue.exec(division, doubleValues, { n: 3, values });
    await queue.exec(division, doubleValues, { n: 3, values });
    const back = hostFloats([0, 0, 0]);
    memcpy(queue, back, values);
    await queue.wait();
    expect([...back.hostArray()]).toEqual([4, 8, 12]);
    expect(mock.statistics().launches).toBe(2);

    memcpy(queue, values, hostFloats([-1, 0, 0]));
    await queue.exec(division, doubleValues, { n: 3, values });
    await expect(queue.wait()).rejects.toThrow(/the kernel found -1/);
  });

  it('runs a blocking queue to completion before each call returns', () => {
    const device = firstDevice(createMockAcceleratorBackend());
    const queue = device.createQueue({ blocking: true });
    const onDevice = allocBuf(device, f32, 2);
    const back = hostFloats([0, 0]);
    memcpy(queue, onDevice, hostFloats([6, 7]));
    memcpy(queue, back, onDevice);
    expect([...back.hostArray(), queue.isEmpty()]).toEqual([6, 7, true]);
  });

  it('passes the conformance cases that launch no kernel, without a kernel runner', async () => {
    const categories = ['queue', 'event', 'mem/buf', 'view', 'copy'];
    const report = await runConformanceSuite(createMockAcceleratorBackend(), {
      filter: new RegExp(`^(${categories.join('|')}) ›`),
    });
    const failures = report.results.filter((result) => !result.passed);
    expect(failures.map((result) => `${result.name}: ${result.error?.message}`)).toEqual([]);
    expect(report.passed).toBe(conformanceCases.filter((testCase) => categories.includes(testCase.category)).length);
  });
});
