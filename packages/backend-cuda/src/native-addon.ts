import {
  type NativeAddonStatus as AddonStatus,
  type GpuDeviceProperties,
  type GpuNativeAddon,
  loadNativeAddonFile,
} from '@alpaka-ts/gpu-kit';

/** What the cuda addon exports: the shared GPU binding, and loading the driver and NVRTC. */
export interface CudaNativeAddon extends GpuNativeAddon {
  /** dlopen of libcuda.so.1 and cuInit: the driver's version and device count, or why not. */
  loadDriver(): { loaded: boolean; reason?: string; driverVersion?: number; deviceCount?: number };
  /** dlopen of one libnvrtc file: its version, or why not. */
  loadNvrtc(path: string): { loaded: boolean; reason?: string; version?: string };
  deviceProperties(device: number): CudaDeviceProperties;
}

/** What the driver reports of one NVIDIA GPU. */
export interface CudaDeviceProperties extends GpuDeviceProperties {
  /** "90" for sm_90 (architecture is "sm_90"). */
  readonly computeCapability: string;
}

/** Either the loaded addon, or why it could not be loaded: importing the package never throws. */
export type NativeAddonStatus = AddonStatus<CudaNativeAddon>;

/** The addon version this JavaScript expects; a stale build from an older install is refused. */
export const expectedAbiVersion = 'alpaka-ts.cuda-addon.9';

// src/ and dist/ both sit one level below the package root, where node-gyp writes build/.
const packageRoot = new URL('../', import.meta.url);

export function loadNativeAddon(buildDirectory: URL = new URL('build/', packageRoot)): NativeAddonStatus {
  return loadNativeAddonFile<CudaNativeAddon>(buildDirectory, 'alpaka_cuda.node', expectedAbiVersion);
}
