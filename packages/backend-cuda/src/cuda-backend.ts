import { createGpuBackend, kernelCacheDirectory } from '@alpaka-ts/gpu-kit';
import { cudaRuntime } from './cuda-runtime';
import { cudaVendor } from './cuda-vendor';

export { cudaVendor } from './cuda-vendor';

const cuda = createGpuBackend(cudaVendor, cudaRuntime);

/** cuda_async: NVIDIA GPUs through the CUDA driver API, kernels compiled with NVRTC (alpaka's AccGpuCudaRt). */
export const cudaBackend = cuda.backend;

/** The CUDA accelerator in 1, 2 and 3 dimensions (CMSSW's Acc1D, Acc2D, Acc3D for alpaka_cuda_async). */
export const { acc1D, acc2D, acc3D } = cuda;

/** The caching allocator's statistics for one GPU (bytes live and cached, requests, cache hits, driver calls). */
export const allocatorStatistics = cuda.allocatorStatistics;

/** The caching host allocator's statistics (pinned memory); undefined until pinned memory was first asked for. */
export const pinnedAllocatorStatistics = cuda.pinnedAllocatorStatistics;

/** Kernel compilation statistics of this process (compiled with NVRTC, or loaded from the disk cache). */
export const kernelStatistics = cuda.kernelStatistics;

/** Where cuda_async keeps compiled kernels between runs (see ALPAKA_TS_CACHE_DIR in the README). */
export const cudaKernelCacheDirectory = (environment: NodeJS.ProcessEnv = process.env): string | undefined =>
  kernelCacheDirectory(cudaVendor.cacheFolder, environment);
