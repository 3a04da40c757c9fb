import { AlpakaError, type KernelDefinition, WorkDivisionError } from '@alpaka-ts/interface';
import {
  checkKernel,
  emitCppModule,
  kernelCacheKey,
  kernelSourceKey,
  specialisationKey,
} from '@alpaka-ts/kernel-compiler';
import type { CudaDevice } from './cuda-device';
import {
  kernelCacheDirectory,
  readCachedBinary,
  readKernelManifest,
  writeCachedBinary,
  writeKernelManifest,
} from './kernel-cache';
import { LaunchPlan } from './launch-plan';
import type { CudaNativeAddon } from './native-addon';

/** A kernel loaded on one device: its function handle, launch plan and dynamic shared memory allowance. */
export class LoadedKernel {
  /** Dynamic shared memory a launch may use without raising the allowance (48 KiB less static, at first). */
  dynamicSharedMemoryLimit: number;
  private readonly staticSharedBytes: number;

  constructor(
    private readonly addon: CudaNativeAddon,
    private readonly device: CudaDevice,
    private readonly name: string,
    /** The CUfunction handle as a number (host addresses fit a double exactly). */
    readonly functionHandle: number,
    readonly plan: LaunchPlan,
    readonly usesChecks: boolean,
  ) {
    plan.bind(functionHandle, device.index);
    const attributes = addon.functionAttributes(device.index, this.functionHandle);
    this.dynamicSharedMemoryLimit = attributes.maxDynamicSharedBytes;
    this.staticSharedBytes = attributes.staticSharedBytes;
  }

  /**
   * Raises the kernel's dynamic shared memory allowance to `bytes` (cuFuncSetAttribute), which CUDA requires
   * above 48 KiB; refuses what the device cannot give next to the kernel's own static shared memory.
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

/** The lines of the generated source an NVRTC log refers to, numbered, so the message shows what failed. */
function excerpt(source: string, log: string): string {
  const lines = source.split('\n');
  const referenced = new Set([...log.matchAll(/\((\d+)\)/g)].map((match) => Number(match[1])));
  const shown = [...referenced]
    .flatMap((line) => [line - 1, line, line + 1])
    .filter((line) => line >= 1 && line <= lines.length);
  return [...new Set(shown)]
    .sort((a, b) => a - b)
    .map((line) => `${String(line).padStart(5)} | ${lines[line - 1]}`)
    .join('\n');
}

/**
 * Kernels compiled with NVRTC for each GPU's architecture and loaded once per kernel, dimension and device.
 * Binaries are cached on disk by kernelCacheKey (source, options, architecture, NVRTC and driver versions),
 * so a second run of a program compiles nothing.
 */
export class CudaKernels {
  private readonly loaded = new WeakMap<KernelDefinition, Map<number | string, LoadedKernel>>();
  private last:
    | {
        readonly kernel: KernelDefinition;
        readonly device: CudaDevice;
        readonly dimension: number;
        readonly oneElementPerThread: boolean;
        readonly loaded: LoadedKernel;
      }
    | undefined;
  /** What this process did, for tests and benchmarks. */
  readonly statistics = { compiled: 0, loadedFromDisk: 0 };

  constructor(
    private readonly addon: CudaNativeAddon,
    private readonly versions: { readonly nvrtc: string; readonly driver: number },
    private readonly cacheDirectory: string | undefined = kernelCacheDirectory(),
  ) {}

  /** oneElementPerThread selects the variant compiled for the GPU work division's one element per thread. */
  get(
    kernel: KernelDefinition,
    dimension: number,
    device: CudaDevice,
    oneElementPerThread: boolean,
    constants?: Readonly<Record<string, number>>,
  ): LoadedKernel {
    // The last kernel launched without constants is checked first: a loop of one kernel skips both maps.
    const last = this.last;
    if (
      last !== undefined &&
      last.kernel === kernel &&
      last.device === device &&
      last.dimension === dimension &&
      last.oneElementPerThread === oneElementPerThread &&
      constants === undefined
    )
      return last.loaded;
    let byTarget = this.loaded.get(kernel);
    if (!byTarget) {
      byTarget = new Map();
      this.loaded.set(kernel, byTarget);
    }
    const variant = (device.index * 4 + dimension) * 2 + (oneElementPerThread ? 1 : 0);
    // A number for kernels without constant() parameters keeps the common lookup free of string building.
    const target = constants === undefined ? variant : `${variant}:${specialisationKey(constants)}`;
    let entry = byTarget.get(target);
    if (!entry) {
      entry = this.load(kernel, dimension, device, oneElementPerThread, constants);
      byTarget.set(target, entry);
    }
    if (constants === undefined) this.last = { kernel, device, dimension, oneElementPerThread, loaded: entry };
    return entry;
  }

  private load(
    kernel: KernelDefinition,
    dimension: number,
    device: CudaDevice,
    oneElementPerThread: boolean,
    constants: Readonly<Record<string, number>> | undefined,
  ): LoadedKernel {
    const architecture = `sm_${device.properties.computeCapability}`;
    const target = { architecture, nvrtc: this.versions.nvrtc, driver: this.versions.driver };
    // A kernel compiled by an earlier process is found by its own source: no parsing, checking or emitting.
    const sourceKey = kernelSourceKey({
      kernel,
      dimension,
      target: 'cuda',
      oneElementPerThread,
      constants,
      options: target,
    });
    const manifest = readKernelManifest(this.cacheDirectory, sourceKey);
    const cached = manifest && readCachedBinary(this.cacheDirectory, manifest.binaryKey);
    if (manifest && cached) {
      this.statistics.loadedFromDisk += 1;
      return this.instantiate(kernel, dimension, device, cached, manifest.entry, manifest.usesChecks);
    }
    const ir = checkKernel(kernel, { dimension, constants });
    const module = emitCppModule('cuda', [{ kernel, dimension, oneElementPerThread, constants }]);
    const options = [...module.requiredOptions, `--gpu-architecture=${architecture}`, '-std=c++17'];
    const binaryKey = kernelCacheKey({
      source: module.source,
      target: 'cuda',
      options: { options: options.join(' '), nvrtc: this.versions.nvrtc, driver: this.versions.driver },
    });
    let cubin = readCachedBinary(this.cacheDirectory, binaryKey);
    if (cubin) this.statistics.loadedFromDisk += 1;
    else {
      const result = this.addon.compile(module.source, `${kernel.name}.cu`, options);
      if (!result.ok || !result.cubin) {
        throw new AlpakaError(
          'ALPAKA_KERNEL_COMPILE',
          `NVRTC failed to compile kernel '${kernel.name}' for ${architecture} (${result.error}):\n${result.log}\n${excerpt(module.source, result.log)}`,
        );
      }
      cubin = result.cubin;
      this.statistics.compiled += 1;
      writeCachedBinary(this.cacheDirectory, binaryKey, cubin);
    }
    const entry = module.kernels[0]?.entry ?? `${kernel.name}_${dimension}d`;
    writeKernelManifest(this.cacheDirectory, sourceKey, { binaryKey, entry, usesChecks: ir.usesChecks });
    return this.instantiate(kernel, dimension, device, cubin, entry, ir.usesChecks);
  }

  private instantiate(
    kernel: KernelDefinition,
    dimension: number,
    device: CudaDevice,
    cubin: ArrayBuffer,
    entry: string,
    usesChecks: boolean,
  ): LoadedKernel {
    const moduleHandle = this.addon.moduleLoad(device.index, cubin);
    const handle = this.addon.moduleFunction(device.index, moduleHandle, entry);
    if (!Number.isSafeInteger(Number(handle)))
      throw new Error(`internal error: function handle ${handle} does not fit a double`);
    const plan = new LaunchPlan(kernel.signature, dimension, usesChecks);
    return new LoadedKernel(this.addon, device, kernel.name, Number(handle), plan, usesChecks);
  }
}
