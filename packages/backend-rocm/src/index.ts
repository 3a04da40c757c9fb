import { rocmBackend } from './rocm-backend';

export { hiprtcTargetCheck, knownTargetOutcome, probeHiprtcTarget } from './hip-targets';
export { type HipToolchain, hipToolchain, hipVersionText } from './hip-toolchain';
export { hipRuntimeCandidates, hiprtcCandidates, rocmSearchFolders } from './library-search';
export { expectedAbiVersion, loadNativeAddon, type NativeAddonStatus, type RocmNativeAddon } from './native-addon';
export {
  acc1D,
  acc2D,
  acc3D,
  allocatorStatistics,
  kernelStatistics,
  pinnedAllocatorStatistics,
  rocmBackend,
  rocmKernelBinaries,
  rocmKernelCacheDirectory,
  rocmVendor,
} from './rocm-backend';
export { rocmRuntime } from './rocm-runtime';
export default rocmBackend;
