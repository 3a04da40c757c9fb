import { InvalidArgumentError, type KernelSourceV1, WorkDivisionError } from '@alpaka-ts/interface';
import { kernelShapeOf } from '@alpaka-ts/interface/backend';
import { type BoundsSite, specialisationKey } from '@alpaka-ts/kernel-compiler';
import type { GpuDevice } from './gpu-device';
import type { HostCallbacks } from './host-callbacks';
import type { KernelBinaries, KernelVariant } from './kernel-binaries';
import { LaunchPlan } from './launch-plan';
import type { GpuNativeAddon } from './native-binding';

/** A kernel loaded on one device: its function handle, launch plan and dynamic shared memory allowance. */
export class LoadedKernel {
  /** Dynamic shared memory a launch may use without raising the allowance (48 KiB less static, at first). */
  dynamicSharedMemoryLimit: number;
  private readonly staticSharedBytes: number;

  constructor(
    private readonly addon: GpuNativeAddon,
    private readonly device: GpuDevice,
    private readonly name: string,
    /** The CUfunction handle as a number (host addresses fit a double exactly). */
    readonly functionHandle: number,
    readonly plan: LaunchPlan,
    readonly usesChecks: boolean,
    /** A bounds-checked variant's access sites (empty for an unchecked one), to name a violation. */
    readonly boundsSites: readonly BoundsSite[] = [],
  ) {
    plan.bind(functionHandle, device.index);
    const attributes = addon.functionAttributes(device.index, this.functionHandle);
    this.dynamicSharedMemoryLimit = attributes.maxDynamicSharedBytes;
    this.staticSharedBytes = attributes.staticSharedBytes;
  }

  /**
   * Raises the kernel's dynamic shared memory allowance to `bytes` (cuFuncSetAttribute), which CUDA requires
   * above 48 KiB; refuses what the device cannot give next to the kernel's own static shared memory (on AMD,
   * where a block gets all of it without opting in, anything above the starting allowance).
   */
  allowDynamicSharedMemory(bytes: number): void {
    const optIn = this.device.properties.sharedMemoryPerBlockOptIn;
    if (this.staticSharedBytes + bytes > optIn) {
      throw new WorkDivisionError(
        `kernel '${this.name}' asks for ${bytes} bytes of dynamic shared memory, and uses ${this.staticSharedBytes} bytes of static shared memory; ${this.device.name} gives a block at most ${optIn} bytes in all. Ask for at most ${optIn - this.staticSharedBytes} bytes.`,
      );
    }
    this.addon.functionSetMaxDynamicShared(this.device.index, this.functionHandle, bytes);
    this.dynamicSharedMemoryLimit = bytes;
  }
}

/**
 * Kernels compiled for each GPU's architecture (KernelBinaries: disk cache, run-time compiler) and loaded once
 * per kernel, dimension, variant and device.
 */
export class GpuKernels {
  private readonly loaded = new WeakMap<KernelSourceV1, Map<number | string, LoadedKernel>>();
  private last:
    | {
        readonly kernel: KernelSourceV1;
        readonly device: GpuDevice;
        readonly dimension: number;
        readonly oneElementPerThread: boolean;
        readonly boundsChecks: boolean;
        readonly loaded: LoadedKernel;
      }
    | undefined;

  constructor(
    private readonly addon: GpuNativeAddon,
    readonly binaries: KernelBinaries,
    private readonly callbacks: Pick<HostCallbacks, 'holdingOn'>,
  ) {}

  /** What this process did: kernels compiled, and loaded from the disk cache. */
  get statistics(): { readonly compiled: number; readonly loadedFromDisk: number } {
    return this.binaries.statistics;
  }

  /**
   * oneElementPerThread selects the variant compiled for the GPU work division's one element per thread, and
   * boundsChecks the bounds-checked one (compiled, cached and loaded apart from the unchecked one).
   */
  get(
    kernel: KernelSourceV1,
    dimension: number,
    device: GpuDevice,
    oneElementPerThread: boolean,
    constants?: Readonly<Record<string, number>>,
    boundsChecks = false,
  ): LoadedKernel {
    // The last kernel launched without constants is checked first: a loop of one kernel skips both maps.
    const last = this.last;
    if (
      last !== undefined &&
      last.kernel === kernel &&
      last.device === device &&
      last.dimension === dimension &&
      last.oneElementPerThread === oneElementPerThread &&
      last.boundsChecks === boundsChecks &&
      constants === undefined
    )
      return last.loaded;
    let byTarget = this.loaded.get(kernel);
    if (!byTarget) {
      byTarget = new Map();
      this.loaded.set(kernel, byTarget);
    }
    const variant = ((device.index * 4 + dimension) * 2 + (oneElementPerThread ? 1 : 0)) * 2 + (boundsChecks ? 1 : 0);
    // A number for kernels without constant() parameters keeps the common lookup free of string building.
    const target = constants === undefined ? variant : `${variant}:${specialisationKey(constants)}`;
    let entry = byTarget.get(target);
    if (!entry) {
      entry = this.load({ kernel, dimension, oneElementPerThread, constants, boundsChecks }, device);
      byTarget.set(target, entry);
    }
    if (constants === undefined)
      this.last = { kernel, device, dimension, oneElementPerThread, boundsChecks, loaded: entry };
    return entry;
  }

  private load(variant: KernelVariant, device: GpuDevice): LoadedKernel {
    const { binary, entry, usesChecks, boundsSites } = this.binaries.binaryFor(variant, device.properties.architecture);
    // Loading a module synchronizes the device, and a stream held for a host task waits for JavaScript, which
    // would be waiting inside the load: a hang nothing reports. Refused instead, before anything is enqueued.
    if (this.callbacks.holdingOn(device.index) > 0)
      throw new InvalidArgumentError(
        `${device.name} cannot load kernel ${variant.kernel.name} while a host task is pending on one of its queues: loading a kernel waits for the whole GPU, and the host task waits for JavaScript, so neither would finish. Launch ${variant.kernel.name} once before enqueueing host tasks (it stays loaded), or wait() for the queue first.`,
      );
    const moduleHandle = this.addon.moduleLoad(device.index, binary);
    const handle = this.addon.moduleFunction(device.index, moduleHandle, entry);
    if (!Number.isSafeInteger(Number(handle)))
      throw new Error(`internal error: function handle ${handle} does not fit a double`);
    // The interface's one frozen shape of this kernel, the same object every launch of it carries (launch.shape).
    const shape = kernelShapeOf(variant.kernel);
    const plan = new LaunchPlan(shape, variant.dimension, usesChecks, variant.boundsChecks === true);
    return new LoadedKernel(this.addon, device, variant.kernel.name, Number(handle), plan, usesChecks, boundsSites);
  }
}
