import { createGpuBackend, type GpuVendor, KernelBinaries, kernelCacheDirectory } from '@alpaka-ts/gpu-kit';
import { BackendUnavailableError } from '@alpaka-ts/interface';
import { hipToolchain } from './hip-toolchain';
import { rocmRuntime, targetCheckOf, versionsOf } from './rocm-runtime';

/** What makes the shared GPU layer rocm_async: names, hiprtc's options, HIP's out-of-memory error. */
export const rocmVendor: GpuVendor = Object.freeze<GpuVendor>({
  backendName: 'rocm_async',
  accelerator: 'gpu-amd',
  acceleratorTypeName: 'AccGpuHipRt',
  platformName: 'rocm',
  maker: 'AMD',
  emitterTarget: 'hip',
  compilerName: 'hiprtc',
  cacheFolder: 'rocm',
  binaryExtension: 'hsaco',
  compileOptions: (target) => [`--offload-arch=${target}`, '-std=c++17'],
  // HIP names code 2 hipErrorOutOfMemory (hipErrorMemoryAllocation is its older name).
  isOutOfMemory: (error) => {
    const name = (error as { hipError?: string }).hipError;
    return name === 'hipErrorOutOfMemory' || name === 'hipErrorMemoryAllocation';
  },
});

const rocm = createGpuBackend(rocmVendor, rocmRuntime);

/** rocm_async: AMD GPUs through the HIP runtime, kernels compiled with hiprtc (alpaka's AccGpuHipRt). */
export const rocmBackend = rocm.backend;

/** The ROCm accelerator in 1, 2 and 3 dimensions (CMSSW's Acc1D, Acc2D, Acc3D for alpaka_rocm_async). */
export const { acc1D, acc2D, acc3D } = rocm;

/** The caching allocator's statistics for one GPU (bytes live and cached, requests, cache hits, driver calls). */
export const allocatorStatistics = rocm.allocatorStatistics;

/** The caching host allocator's statistics (pinned memory); undefined until pinned memory was first asked for. */
export const pinnedAllocatorStatistics = rocm.pinnedAllocatorStatistics;

/** Kernel compilation statistics of this process (compiled with hiprtc, or loaded from the disk cache). */
export const kernelStatistics = rocm.kernelStatistics;

/** Where rocm_async keeps compiled kernels between runs (see ALPAKA_TS_CACHE_DIR in the README). */
export const rocmKernelCacheDirectory = (environment: NodeJS.ProcessEnv = process.env): string | undefined =>
  kernelCacheDirectory(rocmVendor.cacheFolder, environment);

/**
 * rocm_async's compile path without a GPU: kernels compiled by the loaded hiprtc for any target it knows (a
 * gfx name), through the same disk cache (rocmKernelCacheDirectory() unless given; undefined: none) and target
 * check as launches use. Throws BackendUnavailableError, with the reason, when HIP or hiprtc cannot be loaded.
 */
export function rocmKernelBinaries(options: { readonly cacheDirectory?: string | undefined } = {}): KernelBinaries {
  const cacheDirectory = 'cacheDirectory' in options ? options.cacheDirectory : rocmKernelCacheDirectory();
  const toolchain = hipToolchain();
  if (!toolchain.available)
    throw new BackendUnavailableError('rocm_async', `rocm_async cannot compile kernels: ${toolchain.reason}`);
  const { addon } = toolchain;
  return new KernelBinaries(
    rocmVendor,
    {
      compile: (source, name, options) => addon.compile(source, name, options),
      versions: versionsOf(toolchain),
      checkTarget: targetCheckOf(toolchain),
    },
    cacheDirectory,
  );
}
