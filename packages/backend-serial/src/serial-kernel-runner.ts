import type { MockKernelRunner } from '@alpaka-ts/interface/testing';
import { prepareCompiledLaunch } from './compiled-launch';
import { serialLimits } from './serial-limits';

/**
 * serial_sync's compiled kernels as a kernel runner for the mock accelerator of `@alpaka-ts/interface/testing`,
 * which cannot compile kernels itself (the kernel compiler depends on the interface):
 * `createMockAcceleratorBackend({ kernelRunner: serialKernelRunner })`. Kernels run with one thread per block, so
 * the mock then follows CMSSW's CPU work-division rule (runsOnHost) and serial_sync's limits; its memory stays
 * unreadable by JavaScript, and its queues non-blocking. Its memory is not in the host heap, so the kernels run
 * through the JavaScript emitter.
 */
export const serialKernelRunner: MockKernelRunner = Object.freeze({
  runsOnHost: true,
  limits: serialLimits,
  warpSizes: Object.freeze([1]),
  prepare: prepareCompiledLaunch,
});
