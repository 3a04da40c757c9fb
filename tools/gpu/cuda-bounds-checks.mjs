// The bounds-checked half of the cuda_async GPU run (imported by run-cuda-conformance.mjs): the whole
// conformance suite once more with ALPAKA_TS_BOUNDS_CHECKS=1 (every conforming kernel stays in range, so the
// checked variants must pass it unchanged), then deliberate out-of-range kernels that must fail with the
// message serial_sync gives. Prints one PASS or FAIL line per check; returns how many failed.
import {
  acceleratorOf,
  allocBuf,
  array,
  Device,
  f32,
  host,
  i32,
  KernelExecutionError,
  kernel,
  makeWorkDiv,
  memcpy,
  u32,
} from '@alpaka-ts/interface';
import { runConformanceSuite } from '@alpaka-ts/interface/testing';

// Reads x at i + offset: a negative offset (an i32 index) or one past the end is out of range.
const shiftedRead = kernel(
  'boundsShiftedRead',
  { n: u32, offset: i32, x: array(f32, 'in'), out: array(f32) },
  (acc, { n, offset, x, out }) => {
    for (const i of acc.uniformElements(n)) out[i] = x[acc.i32(i) + offset] + 1;
  },
);
const expectedMessage =
  "kernel 'boundsShiftedRead': argument 'x' index -2 is out of range (extent 4); 1 more out-of-range access was skipped.";

function report(passed, what, detail) {
  console.log(`${passed ? 'PASS' : 'FAIL'} bounds checks: ${what}${detail ? ` (${detail})` : ''}`);
  return passed ? 0 : 1;
}

/** The deliberate violation on one queue: whether it failed with the message, and whether the loads were skipped. */
async function deliberateViolation(backend, gpu, queue, blocking) {
  const staged = allocBuf(host(), f32, 4);
  staged.hostArray().set([10, 20, 30, 40]);
  const x = allocBuf(gpu, f32, 4);
  const out = allocBuf(gpu, f32, 4);
  memcpy(queue, x, staged);
  const division = makeWorkDiv(acceleratorOf(backend, 1), 1, 32);
  let error;
  try {
    await queue.exec(division, shiftedRead, { n: 4, offset: -2, x, out }, { boundsChecks: true });
    if (blocking) throw new Error('the blocking exec resolved');
    await queue.wait();
  } catch (caught) {
    error = caught;
  }
  const back = allocBuf(host(), f32, 4);
  memcpy(queue, back, out);
  await queue.wait();
  // Skipped loads read 0, so out is [0 + 1, 0 + 1, x[0] + 1, x[1] + 1].
  const values = [...back.hostArray()];
  const skipped = values.join(',') === '1,1,11,21';
  const named = error instanceof KernelExecutionError && error.message === expectedMessage;
  return { named, skipped, message: error?.message ?? 'no error', values };
}

export async function runBoundsChecked(backend) {
  let failed = 0;
  const gpu = Device.of(backend.platform().devices()[0]);
  process.env.ALPAKA_TS_BOUNDS_CHECKS = '1';
  try {
    const suite = await runConformanceSuite(backend, {
      device: gpu,
      onResult: (result) => {
        if (!result.passed)
          console.log(`  FAILED (bounds-checked) ${result.category} › ${result.name}: ${result.error?.message}`);
      },
    });
    failed += report(
      suite.failed === 0,
      `conformance suite with ALPAKA_TS_BOUNDS_CHECKS=1 on ${gpu.name}`,
      `${suite.passed} passed, ${suite.failed} failed of ${suite.results.length}`,
    );
  } finally {
    delete process.env.ALPAKA_TS_BOUNDS_CHECKS;
  }
  for (const blocking of [false, true]) {
    const queue = gpu.createQueue({ blocking });
    const kind = blocking ? 'blocking queue: exec rejects' : 'non-blocking queue: wait() rejects';
    const result = await deliberateViolation(backend, gpu, queue, blocking);
    failed += report(result.named, `out-of-range kernel, ${kind} with the message`, result.message);
    failed += report(result.skipped, 'out-of-range loads were skipped and read 0', `out = [${result.values}]`);
    // The queue goes on: a checked launch in range passes.
    const x = allocBuf(gpu, f32, 4);
    const out = allocBuf(gpu, f32, 4);
    const division = makeWorkDiv(acceleratorOf(backend, 1), 1, 32);
    let after = 'passed';
    try {
      await queue.exec(division, shiftedRead, { n: 4, offset: 0, x, out }, { boundsChecks: true });
      await queue.wait();
    } catch (error) {
      after = `FAILED: ${error.message}`;
    }
    failed += report(
      after === 'passed',
      `an in-range checked launch after the violation (${kind.split(':')[0]})`,
      after,
    );
  }
  return failed;
}
