import type {
  ArrayArgumentV1,
  KernelArgumentV1,
  KernelLaunchV1,
  PlatformV1,
  QueueV1,
  ViewArgumentV1,
} from '../../backend';
import { InvalidArgumentError } from '../../errors';
import type { MockKernelRunner } from './mock-accelerator-options';
import { MockMemory, privateHostMemoryOf } from './mock-memory';
import { MockQueue } from './mock-queue';

// One translated argument per argument object: the interface caches a buffer's argument, and a CPU runner
// caches what it builds per argument (a view's typed arrays), so repeated launches keep hitting both caches.
const translated = new WeakMap<ArrayArgumentV1 | ViewArgumentV1, ArrayArgumentV1 | ViewArgumentV1>();

function privateArgument<T extends ArrayArgumentV1 | ViewArgumentV1>(
  argument: T,
  platform: PlatformV1,
  kernelName: string,
  parameter: string,
): T {
  const memory = argument.memory;
  if (!(memory instanceof MockMemory) || memory.device.platform !== platform) {
    throw new InvalidArgumentError(
      `kernel '${kernelName}', argument '${parameter}': the mock accelerator runs kernels over its own device memory only, and this memory is on ${memory.device.name}.`,
    );
  }
  let found = translated.get(argument);
  if (!found) {
    found = { ...argument, memory: privateHostMemoryOf(memory) };
    translated.set(argument, found);
  }
  return found as T;
}

/**
 * Enqueues a validated launch: its arrays and views become host memory over the mock's private bytes, the runner
 * prepares it now, and the queue runs it in order. Without a runner the launch is refused before anything is
 * enqueued, with a message saying how to give the mock one.
 */
export function launchOnMock(
  runner: MockKernelRunner | undefined,
  platform: PlatformV1,
  backendName: string,
  queue: QueueV1,
  launch: KernelLaunchV1,
): void {
  const kernelName = launch.kernel.name;
  if (!runner) {
    throw new InvalidArgumentError(
      `kernel '${kernelName}': ${backendName} was created without a kernel runner, so it cannot run kernels; create it with createMockAcceleratorBackend({ kernelRunner: serialKernelRunner }) (serialKernelRunner from @alpaka-ts/backend-serial).`,
    );
  }
  if (!(queue instanceof MockQueue) || queue.device.platform !== platform) {
    throw new InvalidArgumentError(`kernel '${kernelName}': ${backendName} launches into its own queues only.`);
  }
  const memories: MockMemory[] = [];
  const args: Record<string, KernelArgumentV1> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    if (typeof argument === 'number') args[name] = argument;
    else {
      args[name] = privateArgument(argument, platform, kernelName, name);
      memories.push(argument.memory as MockMemory);
    }
  }
  const checkBuffer = launch.checkBuffer && privateArgument(launch.checkBuffer, platform, kernelName, 'checkBuffer');
  if (launch.checkBuffer) memories.push(launch.checkBuffer.memory as MockMemory);
  const run = runner.prepare({ ...launch, arguments: args, checkBuffer });
  queue.enqueueKernel(kernelName, memories, run);
}
