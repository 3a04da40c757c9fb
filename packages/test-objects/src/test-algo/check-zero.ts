import {
  allocAsyncBuf,
  allocBuf,
  type Buffer,
  host,
  KernelExecutionError,
  memcpy,
  memset,
  type Queue,
  u32,
} from '@alpaka-ts/interface';
import { checkZeroFields } from './test-algo-check-zero-kernels';

// How CMSSW's in-kernel assert fails a job here. A kernel cannot throw, so each assertion is an acc.check into a
// check buffer on the queue's device; the buffer is copied back in queue order and a host task after it throws a
// KernelExecutionError when a check failed. On a blocking queue (serial_sync) that throws from the launching call,
// as an assert stops a CPU job at once; on a non-blocking one the queue fails and the framework reports it when
// it waits for the queue at the end of the event (CMSSW: cudaErrorAssert at the next synchronisation). Either way
// the job ends with the framework's StdException, which is what a failed device assert gives in CMSSW.

/** A zeroed two-element check buffer on the queue's device: [failures, first failed id + 1]. */
export function newCheckBuffer(queue: Queue): Buffer<typeof u32> {
  const checks = queue.device.isHost ? allocBuf(queue.device, u32, 2) : allocAsyncBuf(queue, u32, 2);
  memset(queue, checks, 0);
  return checks;
}

/** What a failed check id means: the layout's field (a column, or the scalar). */
export function describeCheckZeroFailure(id: number): string {
  const field = checkZeroFields[id >> 3]?.[id & 7] || `field ${id}`;
  return (id & 7) === 7 ? `scalar ${field}` : `column ${field}`;
}

/** Copies the check buffer back in queue order and throws, in a host task, if any assertion failed. */
export function enqueueCheckZeroVerdict(queue: Queue, checks: Buffer<typeof u32>, what: string): void {
  let onHost = checks;
  if (!queue.device.isHost) {
    onHost = allocBuf(host(), u32, 2);
    memcpy(queue, onHost, checks);
  }
  queue.enqueue(() => {
    const [failures = 0, firstId = 0] = onHost.hostArray();
    if (failures === 0) return;
    throw new KernelExecutionError(
      `TestAlgo::checkZero(${what}): ${failures} assertion(s) that every field is 0 failed in the kernel; the first: ${describeCheckZeroFailure(firstId - 1)} is not 0.`,
    );
  });
}
