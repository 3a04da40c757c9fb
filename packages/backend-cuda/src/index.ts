import { cudaBackend } from './cuda-backend';

// A backend package's shape (CONTRIBUTING.md): the backend as default export and by name, its accelerators, and
// what a user inspects of it. Nothing of @alpaka-ts/gpu-kit is re-exported; the kit is its own package.
export {
  acc1D,
  acc2D,
  acc3D,
  allocatorStatistics,
  cudaBackend,
  cudaKernelCacheDirectory,
  kernelStatistics,
  pinnedAllocatorStatistics,
} from './cuda-backend';
// The addon ABI this package expects: a diagnostic for a stale build, and what stand-in addons claim.
export { expectedAbiVersion } from './native-addon';
export default cudaBackend;
