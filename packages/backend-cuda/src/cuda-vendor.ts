import type { GpuVendor } from '@alpaka-ts/gpu-kit';

/** What makes the shared GPU layer cuda_async: names, NVRTC's options, CUDA's out-of-memory error. */
export const cudaVendor: GpuVendor = Object.freeze<GpuVendor>({
  backendName: 'cuda_async',
  accelerator: 'gpu-nvidia',
  acceleratorTypeName: 'AccGpuCudaRt',
  platformName: 'cuda',
  maker: 'NVIDIA',
  emitterTarget: 'cuda',
  compilerName: 'NVRTC',
  cacheFolder: 'cuda',
  binaryExtension: 'cubin',
  compileOptions: (architecture) => [`--gpu-architecture=${architecture}`, '-std=c++17'],
  isOutOfMemory: (error) => (error as { cudaError?: string }).cudaError === 'CUDA_ERROR_OUT_OF_MEMORY',
});
