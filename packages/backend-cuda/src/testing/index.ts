// @alpaka-ts/backend-cuda/testing: cuda_async over the GPU kit's stand-in of the CUDA driver, for the tests of
// packages built on this backend (cuda-core) on machines without an NVIDIA GPU.
import { createGpuBackend } from '@alpaka-ts/gpu-kit';
import { h200, type StandInAddonOptions, type StandInGpuAddon, standInGpuAddon } from '@alpaka-ts/gpu-kit/testing';
import type { BackendV1 } from '@alpaka-ts/interface';
import { cudaVendor } from '../cuda-vendor';
import { expectedAbiVersion } from '../native-addon';

export interface StandInCudaBackend extends StandInGpuAddon {
  /** cuda_async, its driver calls answered by the stand-in (an H200 unless `device` says otherwise). */
  readonly backend: BackendV1;
}

/**
 * A cuda_async backend of its own over a new stand-in addon: streams, events, host callbacks, memory and
 * launches behave as the CUDA driver's, so queue order, event waits and errors are tested without a GPU.
 */
export function standInCudaBackend(options: StandInAddonOptions = {}): StandInCudaBackend {
  const standIn = standInGpuAddon({ device: h200, abiVersion: expectedAbiVersion, ...options });
  const cuda = createGpuBackend(cudaVendor, () => standIn.runtime);
  return { ...standIn, backend: cuda.backend };
}
