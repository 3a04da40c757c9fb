import {
  allocAsyncBuf,
  allocBuf,
  type Buffer,
  fill,
  host,
  KernelExecutionError,
  memcpy,
  type Queue,
  u32,
} from '@alpaka-ts/interface';
import { checkZeroFields } from './test-algo-check-zero-kernels';

// How CMSSW's in-kernel assert fails a job here. A kernel cannot throw, so each assertion is an acc.check into a
// check buffer on the queue's device (and the lowest element that is not all zeros goes to a second buffer); both
// are copied back in queue order and a host task after them throws a KernelExecutionError when a check failed.
// On a blocking queue (serial_sync) that throws from the launching call, as an assert stops a CPU job at once; on
// a non-blocking one the queue fails and the framework reports it when it waits for the queue at the end of the
// event (CMSSW: cudaErrorAssert at the next synchronisation). Either way the job ends with the framework's
// StdException, which is what a failed device assert gives in CMSSW.

const noRow = 0xffffffff;

/** What checkZero's kernels write: the check buffer [failures, first failed id + 1] and the lowest bad element. */
export interface CheckZeroRecord {
  readonly checkBuffer: Buffer<typeof u32>;
  readonly firstRow: Buffer<typeof u32>;
}

const bufferOn = (queue: Queue) =>
  queue.device.isHost ? allocBuf(queue.device, u32, 2) : allocAsyncBuf(queue, u32, 2);

/** A zeroed check buffer and a first-row buffer of "none", on the queue's device. */
export function newCheckZeroRecord(queue: Queue): CheckZeroRecord {
  const checkBuffer = bufferOn(queue);
  fill(queue, checkBuffer, 0);
  const firstRow = bufferOn(queue);
  fill(queue, firstRow, noRow);
  return { checkBuffer, firstRow };
}

/** What a failed check id means: the layout's field (a column, or the scalar). */
export function describeCheckZeroFailure(id: number): string {
  const field = checkZeroFields[id >> 3]?.[id & 7] || `field ${id}`;
  return (id & 7) === 7 ? `scalar ${field}` : `column ${field}`;
}

/** Copies the record back in queue order and fails the queue, from a check, if any assertion failed. */
export function enqueueCheckZeroVerdict(queue: Queue, record: CheckZeroRecord, what: string): void {
  let checks = record.checkBuffer;
  let rows = record.firstRow;
  if (!queue.device.isHost) {
    checks = allocBuf(host(), u32, 2);
    rows = allocBuf(host(), u32, 2);
    memcpy(queue, checks, record.checkBuffer);
    memcpy(queue, rows, record.firstRow);
  }
  // A check, not a host task: it only reads, so nothing after it need wait (and no GPU stream waits for
  // JavaScript, which would deadlock a kernel loaded meanwhile: gpu-kit's HostCallbacks).
  queue.enqueueCheck(() => {
    const [failures = 0, firstId = 0] = checks.hostArray();
    if (failures === 0) return undefined;
    const row = rows.hostArray()[0] ?? noRow;
    const where = row === noRow ? '' : `; the lowest element with a field that is not 0: ${row}`;
    return new KernelExecutionError(
      `TestAlgo::checkZero(${what}): ${failures} assertion(s) that every field is 0 failed in the kernel; the first: ${describeCheckZeroFailure(firstId - 1)} is not 0${where}.`,
    );
  });
}
