import { rocmBackend } from './rocm-backend';

// The addon ABI this package expects: a diagnostic for a stale build, and what stand-in addons claim.
export { expectedAbiVersion } from './native-addon';
// A backend package's shape (CONTRIBUTING.md): the backend as default export and by name, its accelerators, and
// what a user inspects of it; rocmKernelBinaries compiles kernels for a gfx target without an AMD GPU. Nothing of
// @alpaka-ts/gpu-kit is re-exported; the kit is its own package.
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
} from './rocm-backend';
export default rocmBackend;
