import { cudaBackend } from './cuda-backend';

export {
  type AllocatorStatistics,
  CachingAllocator,
  type CachingAllocatorOptions,
  cmsswAllocatorOptions,
  LaunchPlan,
} from '@alpaka-ts/gpu-backend';
export {
  acc1D,
  acc2D,
  acc3D,
  allocatorStatistics,
  cudaBackend,
  cudaKernelCacheDirectory,
  cudaVendor,
  kernelStatistics,
  pinnedAllocatorStatistics,
} from './cuda-backend';
export { type CudaRuntime, cudaRuntime } from './cuda-runtime';
export { nvrtcCandidates, nvrtcSearchFolders } from './library-search';
export {
  type CudaDeviceProperties,
  type CudaNativeAddon,
  expectedAbiVersion,
  loadNativeAddon,
  type NativeAddonStatus,
} from './native-addon';
export default cudaBackend;
