import { type NativeAddonStatus as AddonStatus, type GpuNativeAddon, loadNativeAddonFile } from '@alpaka-ts/gpu-kit';

/** What the rocm addon exports: the shared GPU binding, and loading the HIP runtime and hiprtc. */
export interface RocmNativeAddon extends GpuNativeAddon {
  /**
   * dlopen of one libamdhip64 file and hipInit. loaded: the library and its entry points were found; a failed
   * hipInit or device count (no AMD GPU or driver) is initError, with deviceCount 0.
   */
  loadRuntime(path: string): {
    loaded: boolean;
    reason?: string;
    runtimeVersion?: number;
    driverVersion?: number;
    deviceCount?: number;
    initError?: string;
    /** Whether hipLaunchHostFunc exists (HIP 6); stream callbacks are used otherwise. */
    hostFunctions?: boolean;
  };
  /** dlopen of one hiprtc file (libhiprtc, or libamdhip64 itself before ROCm 5.3): its version, or why not. */
  loadHiprtc(path: string): { loaded: boolean; reason?: string; version?: string };
}

/** Either the loaded addon, or why it could not be loaded: importing the package never throws. */
export type NativeAddonStatus = AddonStatus<RocmNativeAddon>;

/** The addon version this JavaScript expects; a stale build from an older install is refused. */
export const expectedAbiVersion = 'alpaka-ts.rocm-addon.4';

// src/ and dist/ both sit one level below the package root, where node-gyp writes build/.
const packageRoot = new URL('../', import.meta.url);

export function loadNativeAddon(buildDirectory: URL = new URL('build/', packageRoot)): NativeAddonStatus {
  return loadNativeAddonFile<RocmNativeAddon>(buildDirectory, 'alpaka_rocm.node', expectedAbiVersion);
}
