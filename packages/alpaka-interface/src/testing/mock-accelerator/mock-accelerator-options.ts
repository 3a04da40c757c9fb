import type { AcceleratorLimits, KernelLaunchV1 } from '../../backend';
import { InvalidArgumentError } from '../../errors';

/**
 * What runs kernels on a mock accelerator. The interface cannot compile kernels itself (the kernel compiler
 * depends on it, not the other way round), so a test passes one in: `serialKernelRunner` from
 * `@alpaka-ts/backend-serial` runs them through serial_sync's compiled JavaScript.
 */
export interface MockKernelRunner {
  /**
   * Whether work divisions follow CMSSW's CPU rule (1 thread × n elements per block). A runner that executes one
   * thread per block says true, so makeWorkDiv gives divisions it can run; the memory stays unreadable either way.
   */
  readonly runsOnHost: boolean;
  /** What a work division may ask of the runner. */
  readonly limits: AcceleratorLimits;
  /** The warp sizes kernels see when the runner runs them (the mock's devices report these). */
  readonly warpSizes: readonly number[];
  /**
   * Prepares a launch when it is enqueued (compile now, so a bad kernel is refused before anything is enqueued)
   * and returns the run, which the queue calls in its order. The launch's memories are host memory over the
   * mock's private bytes: the runner reads them as a CPU backend reads host buffers.
   */
  prepare(launch: KernelLaunchV1): () => void | Promise<void>;
}

/** How queued work advances: on its own, one operation per queue per macrotask, or only when the test steps it. */
export type MockStepping = 'automatic' | 'manual';

export interface MockAcceleratorOptions {
  /** The backend name (default 'mock_async'): the framework's alpaka_<name>:: module prefix. */
  readonly name?: string;
  /** The accelerator (default 'gpu-mock'): matched by configuration globs such as 'gpu-*' and '*', not by 'cpu'. */
  readonly accelerator?: string;
  /** Devices of the platform (default 1). */
  readonly deviceCount?: number;
  /** Memory of each device (default 1 GiB); allocations past it fail with ALPAKA_OUT_OF_MEMORY. */
  readonly memoryBytesPerDevice?: number;
  /** Default 'automatic'. With 'manual', nothing queued runs until mock.step() or mock.drain(). */
  readonly stepping?: MockStepping;
  /** What runs kernels; without one, launches are refused with a message saying how to give one. */
  readonly kernelRunner?: MockKernelRunner;
  /** The byte new device memory holds (default 0xa5): GPU memory is not zeroed, so code that reads before writing shows. */
  readonly initialByte?: number;
}

export interface ResolvedMockOptions {
  readonly name: string;
  readonly accelerator: string;
  readonly deviceCount: number;
  readonly memoryBytesPerDevice: number;
  readonly stepping: MockStepping;
  readonly kernelRunner: MockKernelRunner | undefined;
  readonly initialByte: number;
}

const positiveInteger = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError(`createMockAcceleratorBackend: ${what} is ${value}; give a positive integer.`);
  return value;
};

/** The options with their defaults, checked: bad input is refused before anything is made. */
export function resolveMockOptions(options: MockAcceleratorOptions): ResolvedMockOptions {
  const name = options.name ?? 'mock_async';
  const accelerator = options.accelerator ?? 'gpu-mock';
  for (const [what, value] of [
    ['name', name],
    ['accelerator', accelerator],
  ] as const) {
    if (typeof value !== 'string' || value === '')
      throw new InvalidArgumentError(`createMockAcceleratorBackend: ${what} must be a non-empty string.`);
  }
  const stepping = options.stepping ?? 'automatic';
  if (stepping !== 'automatic' && stepping !== 'manual')
    throw new InvalidArgumentError(
      `createMockAcceleratorBackend: stepping is '${String(stepping)}'; use 'automatic' or 'manual'.`,
    );
  const initialByte = options.initialByte ?? 0xa5;
  if (!Number.isInteger(initialByte) || initialByte < 0 || initialByte > 255)
    throw new InvalidArgumentError(
      `createMockAcceleratorBackend: initialByte is ${initialByte}; give an integer in 0 … 255.`,
    );
  const kernelRunner = options.kernelRunner;
  if (kernelRunner !== undefined && typeof kernelRunner.prepare !== 'function')
    throw new InvalidArgumentError(
      'createMockAcceleratorBackend: kernelRunner needs a prepare(launch) function (serialKernelRunner from @alpaka-ts/backend-serial has one).',
    );
  return {
    name,
    accelerator,
    deviceCount: positiveInteger(options.deviceCount ?? 1, 'deviceCount'),
    memoryBytesPerDevice: positiveInteger(options.memoryBytesPerDevice ?? 2 ** 30, 'memoryBytesPerDevice'),
    stepping,
    kernelRunner,
    initialByte,
  };
}
