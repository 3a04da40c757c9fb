import type { Device, Queue } from '@alpaka-ts/interface';
import { FrameworkError } from '../errors/framework-error';
import type { EventSetupRecord } from '../event-setup/event-setup-record';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { Record as DeviceRecord } from './device/record';
import { ESDeviceProduct } from './es-device-product';

/** An alpaka ESProducer's device `produce`: the product of one device, or null (undefined) for none. */
export type ESDeviceProduceFunction<T> = (record: DeviceRecord) => T | null | undefined;

const noop = (): void => {};

/**
 * The acquire half of CMSSW's `ESProducer::setWhatProducedDevice` (an ESProducerExternalWork production):
 * `produce` runs once per device of the backend, each with its own device::Record and queue. Without
 * `synchronize` every queue a produce used is waited for at once (the queues' completion callbacks, never a
 * poll) and the promise resolves when all have finished; with `synchronize` each device's queue is waited for
 * before the next device's produce runs, as CMSSW's `alpaka::wait(queue)` after each call. Queues go back to
 * the backend's QueueCache once their work has finished. When no produce used a non-blocking queue the results
 * come back at once, without a promise.
 */
export function produceOnDevices<T>(
  runtime: AlpakaBackendRuntime,
  devices: readonly Device[],
  synchronize: boolean,
  record: EventSetupRecord,
  produce: ESDeviceProduceFunction<T>,
): (T | null | undefined)[] | Promise<(T | null | undefined)[]> {
  const products = new Array<T | null | undefined>(devices.length);
  let waits: Promise<void>[] | undefined;
  const run = (start: number): (T | null | undefined)[] | Promise<(T | null | undefined)[]> => {
    for (let index = start; index < devices.length; index++) {
      const device = devices[index] as Device;
      const deviceRecord = new DeviceRecord(record, device, runtime);
      try {
        products[index] = produce(deviceRecord);
      } catch (thrown) {
        // The work enqueued so far still finishes and gives its queues back; the failure is the product's.
        const queue = deviceRecord.usedQueue;
        if (queue !== undefined) waitAndRelease(runtime, device, queue)?.then(noop, noop);
        if (waits !== undefined) for (const wait of waits) wait.then(noop, noop);
        throw thrown;
      }
      const queue = deviceRecord.usedQueue;
      if (queue === undefined) continue;
      const finished = waitAndRelease(runtime, device, queue);
      if (finished === undefined) continue;
      if (synchronize) return finished.then(() => run(index + 1));
      if (waits === undefined) waits = [finished];
      else waits.push(finished);
    }
    if (waits === undefined) return products;
    const all = waits.length === 1 ? (waits[0] as Promise<void>) : Promise.all(waits);
    return all.then(() => products);
  };
  return run(0);
}

/** A blocking queue's work is done: it goes back now. A non-blocking one goes back once its work has finished. */
function waitAndRelease(runtime: AlpakaBackendRuntime, device: Device, queue: Queue): Promise<void> | undefined {
  if (queue.blocking) {
    runtime.queueCache.release(device, queue);
    return undefined;
  }
  return queue.wait().finally(() => runtime.queueCache.release(device, queue));
}

/**
 * The produce half, once every queue has finished: the per-device results as one ESDeviceProduct. All null is
 * a missing product (null: its consumers get CMSSW's MakeDataException); some null is CMSSW's
 * throwSomeNullException.
 */
export function collectDeviceProducts<T>(
  devices: readonly Device[],
  products: readonly (T | null | undefined)[],
): ESDeviceProduct<T> | null {
  let anyNull = false;
  let allNull = true;
  for (const product of products) {
    if (product === null || product === undefined) anyNull = true;
    else allNull = false;
  }
  if (allNull) return null;
  if (anyNull) throw someNullException();
  const byDevice = new Map<Device, T>();
  devices.forEach((device, index) => {
    byDevice.set(device, products[index] as T);
  });
  return new ESDeviceProduct(byDevice);
}

/** CMSSW's `ESProducer::throwSomeNullException`, word for word. */
export function someNullException(): FrameworkError {
  return new FrameworkError(
    'UnimplementedFeature',
    'The Alpaka backend has multiple devices. The device-specific produce() function returned a null product ' +
      'for some of the devices of the backend, but not all. This is not currently supported.',
  );
}
