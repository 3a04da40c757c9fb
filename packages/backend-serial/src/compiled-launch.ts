import {
  type ArrayArgumentV1,
  InvalidArgumentError,
  type KernelLaunchV1,
  type QueueV1,
  type TypedArray,
  type ViewArgumentV1,
} from '@alpaka-ts/interface';
import { compileJavaScriptKernel, constantsOf, type JavaScriptView, javaScriptView } from '@alpaka-ts/kernel-compiler';

function hostBytes(argument: ArrayArgumentV1 | ViewArgumentV1, kernelName: string, parameter: string): ArrayBuffer {
  const arrayBuffer = argument.memory.hostArrayBuffer;
  if (!arrayBuffer) {
    throw new InvalidArgumentError(
      `kernel '${kernelName}', argument '${parameter}': serial_sync reads only host memory, and this buffer is on ${argument.memory.device.name}.`,
    );
  }
  return arrayBuffer;
}

// Prepared view arguments are cached by the interface per view, so their typed arrays are built once.
const views = new WeakMap<ViewArgumentV1, JavaScriptView>();

function hostView(argument: ViewArgumentV1, kernelName: string, parameter: string): JavaScriptView {
  let view = views.get(argument);
  if (!view) {
    view = javaScriptView(hostBytes(argument, kernelName, parameter), argument.byteOffset, argument.layout);
    views.set(argument, view);
  }
  return view;
}

function hostArray(argument: ArrayArgumentV1, kernelName: string, parameter: string): TypedArray {
  const arrayBuffer = hostBytes(argument, kernelName, parameter);
  return new argument.elementType.arrayConstructor(arrayBuffer, argument.byteOffset, argument.length);
}

/**
 * Compiles the kernel to JavaScript for the launch's dimension (once per kernel and dimension; a kernel
 * outside the language fails here, before anything is enqueued) and enqueues one call of it, which runs
 * every block of the grid.
 */
export function launchCompiled(queue: QueueV1, launch: KernelLaunchV1): void {
  const { kernel, workDivision } = launch;
  const compiled = compileJavaScriptKernel(
    kernel,
    workDivision.blocksPerGrid.length,
    constantsOf(kernel, launch.arguments),
  );
  if (compiled.usesChecks && !launch.checkBuffer) {
    throw new InvalidArgumentError(
      `kernel '${kernel.name}' calls acc.check; pass a check buffer: queue.exec(…, { checkBuffer }).`,
    );
  }
  const args: Record<string, number | TypedArray | JavaScriptView> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    args[name] =
      typeof argument === 'number'
        ? argument
        : argument.kind === 'view'
          ? hostView(argument, kernel.name, name)
          : hostArray(argument, kernel.name, name);
  }
  const checks = launch.checkBuffer
    ? (hostArray(launch.checkBuffer, kernel.name, 'checkBuffer') as Uint32Array)
    : undefined;
  queue.enqueueHostTask(() =>
    compiled.run(args, workDivision, new ArrayBuffer(launch.dynamicSharedMemoryBytes), checks),
  );
}
