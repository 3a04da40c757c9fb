import { AlpakaError, KernelExecutionError } from '@alpaka-ts/interface';
import { type BoundsSite, boundsViolation } from '@alpaka-ts/kernel-compiler';

/**
 * Runs a compiled kernel's grid. A WebAssembly trap (unreachable, a memory access past the 4 GiB memory, a stack
 * overflow) or a JavaScript error thrown by the kernel's code fails the launch with a KernelExecutionError that
 * names the kernel and keeps the original RangeError, RuntimeError or TypeError as its cause. Returns what the run
 * returns (which WebAssembly variant ran).
 */
export function runNamingKernel<Result>(kernelName: string, run: () => Result): Result {
  try {
    return run();
  } catch (error) {
    if (error instanceof AlpakaError) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new KernelExecutionError(`kernel '${kernelName}' failed while running on serial_sync: ${message}`, {
      cause: error,
    });
  }
}

/** After a bounds-checked run: fails the launch when its record holds an out-of-range access. */
export function throwOnBoundsViolation(
  kernelName: string,
  record: ArrayLike<number>,
  sites: readonly BoundsSite[],
): void {
  const violation = boundsViolation(kernelName, record, sites);
  if (violation) throw violation;
}
