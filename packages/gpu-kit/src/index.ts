export { eventAllocatorDriver } from './allocator-driver';
export {
  type AllocatorDriver,
  type AllocatorStatistics,
  type Block,
  CachingAllocator,
  type CachingAllocatorOptions,
  cmsswAllocatorOptions,
} from './caching-allocator';
export { driverTraceVariable, traceAddon, withDriverTrace } from './driver-call-trace';
export { createGpuBackend, type GpuBackend } from './gpu-backend';
export { GpuDevice, GpuPlatform } from './gpu-device';
export { GpuEvent } from './gpu-event';
export { GpuKernels, LoadedKernel } from './gpu-kernels';
export { DeviceMemory, PinnedMemory } from './gpu-memory';
export { GpuQueue } from './gpu-queue';
export type { GpuRuntime, GpuVendor } from './gpu-vendor';
export { HostCallbacks } from './host-callbacks';
export {
  KernelBinaries,
  type KernelBinary,
  type KernelVariant,
  type RuntimeCompiler,
  sourceExcerpt,
} from './kernel-binaries';
export { type KernelManifest, kernelCacheDirectory, readKernelManifest } from './kernel-cache';
export { geometryOf, type LaunchGeometry } from './launch-geometry';
export { LaunchPlan, launchRecordHeaderBytes, maximumKernelParameters } from './launch-plan';
export { childrenMatching, existingLibraries } from './library-folders';
export { loadNativeAddonFile, type NativeAddonStatus } from './native-addon-file';
export {
  type CompileResult,
  type GpuDeviceProperties,
  type GpuFunctionAttributes,
  type GpuNativeAddon,
  nativeContractFunctions,
} from './native-binding';
export { createPinnedAllocator, pinnedAllocatorOf, streamDevices } from './pinned-allocator';
