import {
  type ArrayArgumentV1,
  InvalidArgumentError,
  type KernelLaunchV1,
  type QueueV1,
  type TypedArray,
} from '@alpaka-ts/interface';
import { compileJavaScriptKernel } from '@alpaka-ts/kernel-compiler';

function hostArray(argument: ArrayArgumentV1, kernelName: string, parameter: string): TypedArray {
  const arrayBuffer = argument.memory.hostArrayBuffer;
  if (!arrayBuffer) {
    throw new InvalidArgumentError(
      `kernel '${kernelName}', argument '${parameter}': serial_sync reads only host memory, and this buffer is on ${argument.memory.device.name}.`,
    );
  }
  return new argument.elementType.arrayConstructor(arrayBuffer, argument.byteOffset, argument.length);
}

/**
 * Compiles the kernel to JavaScript for the launch's dimension (once per kernel and dimension; a kernel
 * outside the language fails here, before anything is enqueued) and enqueues one call of it, which runs
 * every block of the grid.
 */
export function launchCompiled(queue: QueueV1, launch: KernelLaunchV1): void {
  const { kernel, workDivision } = launch;
  const compiled = compileJavaScriptKernel(kernel, workDivision.blocksPerGrid.length);
  if (compiled.usesChecks && !launch.checkBuffer) {
    throw new InvalidArgumentError(
      `kernel '${kernel.name}' calls acc.check; pass a check buffer: queue.exec(…, { checkBuffer }).`,
    );
  }
  const args: Record<string, number | TypedArray> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    args[name] = typeof argument === 'number' ? argument : hostArray(argument, kernel.name, name);
  }
  const checks = launch.checkBuffer
    ? (hostArray(launch.checkBuffer, kernel.name, 'checkBuffer') as Uint32Array)
    : undefined;
  queue.enqueueHostTask(() =>
    compiled.run(args, workDivision, new ArrayBuffer(launch.dynamicSharedMemoryBytes), checks),
  );
}
