import { cudaBackend } from './cuda-backend';

export {
  type AllocatorStatistics,
  CachingAllocator,
  type CachingAllocatorOptions,
  cmsswAllocatorOptions,
} from './caching-allocator';
export { acc1D, acc2D, acc3D, allocatorStatistics, cudaBackend, kernelStatistics } from './cuda-backend';
export { type CudaRuntime, cudaRuntime } from './cuda-runtime';
export { kernelCacheDirectory } from './kernel-cache';
export { LaunchPlan } from './launch-plan';
export { nvrtcCandidates, nvrtcSearchFolders } from './library-search';
export {
  type CudaDeviceProperties,
  type CudaNativeAddon,
  expectedAbiVersion,
  loadNativeAddon,
  type NativeAddonStatus,
} from './native-addon';
export default cudaBackend;
export { pinnedAllocatorStatistics } from './pinned-allocator';
