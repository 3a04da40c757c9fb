import { AlpakaError, type KernelDefinition } from '@alpaka-ts/interface';
import { checkKernel, emitCppModule, kernelCacheKey, specialisationKey } from '@alpaka-ts/kernel-compiler';
import type { CudaDevice } from './cuda-device';
import { kernelCacheDirectory, readCachedBinary, writeCachedBinary } from './kernel-cache';
import { LaunchPlan } from './launch-plan';
import type { CudaNativeAddon } from './native-addon';

export interface LoadedKernel {
  /** The CUfunction handle as a number (host addresses fit a double exactly). */
  readonly function: number;
  readonly plan: LaunchPlan;
  readonly usesChecks: boolean;
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
    return entry;
  }

  private load(
    kernel: KernelDefinition,
    dimension: number,
    device: CudaDevice,
    oneElementPerThread: boolean,
    constants: Readonly<Record<string, number>> | undefined,
  ): LoadedKernel {
    const ir = checkKernel(kernel, { dimension, constants });
    const module = emitCppModule('cuda', [{ kernel, dimension, oneElementPerThread, constants }]);
    const architecture = `sm_${device.properties.computeCapability}`;
    const options = [...module.requiredOptions, `--gpu-architecture=${architecture}`, '-std=c++17'];
    const key = kernelCacheKey({
      source: module.source,
      target: 'cuda',
      options: { options: options.join(' '), nvrtc: this.versions.nvrtc, driver: this.versions.driver },
    });
    let cubin = readCachedBinary(this.cacheDirectory, key);
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
      writeCachedBinary(this.cacheDirectory, key, cubin);
    }
    const moduleHandle = this.addon.moduleLoad(device.index, cubin);
    const entry = module.kernels[0]?.entry ?? `${kernel.name}_${dimension}d`;
    const handle = this.addon.moduleFunction(device.index, moduleHandle, entry, 0);
    if (!Number.isSafeInteger(Number(handle)))
      throw new Error(`internal error: function handle ${handle} does not fit a double`);
    return { function: Number(handle), plan: new LaunchPlan(ir, dimension), usesChecks: ir.usesChecks };
  }
}
