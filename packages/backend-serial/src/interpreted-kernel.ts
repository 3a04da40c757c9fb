import {
  type ArrayArgumentV1,
  InvalidArgumentError,
  KernelExecutionError,
  type KernelLaunchV1,
  type TypedArray,
  type Vec,
  widenTo3,
} from '@alpaka-ts/interface';
import { SerialAcc } from './serial-acc';

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
 * Runs a kernel by calling its TypeScript body once per block, in block order (the serial accelerator has
 * one thread per block). This is the stand-in until the kernel compiler's JavaScript emitter lands: it
 * runs the body with JavaScript's number semantics, not yet C's integer and f32 rules.
 */
export function runInterpretedKernel(launch: KernelLaunchV1): void {
  const { kernel, workDivision } = launch;
  const parameters: Record<string, number | TypedArray> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    parameters[name] = typeof argument === 'number' ? argument : hostArray(argument, kernel.name, name);
  }
  const checks = launch.checkBuffer
    ? (hostArray(launch.checkBuffer, kernel.name, 'checkBuffer') as Uint32Array)
    : undefined;
  const acc = new SerialAcc(workDivision, launch.dynamicSharedMemoryBytes, checks);
  const dimension = workDivision.blocksPerGrid.length;
  const [depth, height, width] = widenTo3(workDivision.blocksPerGrid, 1);
  try {
    for (let z = 0; z < depth; z++) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const blockIndex: Vec = [z, y, x].slice(3 - dimension);
          acc.enterBlock(blockIndex);
          kernel.body(acc, parameters as never);
        }
      }
    }
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new KernelExecutionError(`kernel '${kernel.name}' failed on serial_sync: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
