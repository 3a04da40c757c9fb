import { AlpakaError, InvalidArgumentError, KernelExecutionError } from './errors';

/** What a queue reports for work that threw: alpaka-ts errors as they are, anything else naming the device. */
export function queueFailure(error: unknown, deviceName: string): Error {
  const failure = error instanceof Error ? error : new Error(String(error));
  if (failure instanceof AlpakaError) return failure;
  return new KernelExecutionError(`work enqueued into a queue of ${deviceName} failed: ${failure.message}`, {
    cause: failure,
  });
}

/**
 * Runs a host task for a blocking queue, whose earlier work has finished: now, in this thread. A task that
 * returns a promise is refused, since a blocking queue cannot hold JavaScript's only thread for it.
 */
export function runHostTaskNow(task: () => void | Promise<void>, deviceName: string): void {
  let result: void | Promise<void>;
  try {
    result = task();
  } catch (error) {
    throw queueFailure(error, deviceName);
  }
  if (result instanceof Promise) {
    result.catch(() => {});
    throw new InvalidArgumentError(
      'a host task on a blocking queue returned a promise, which a blocking queue cannot wait for; use a non-blocking queue (device.createQueue({ blocking: false })).',
    );
  }
}
