import { type GpuRuntime, HostCallbacks, withDriverTrace } from '@alpaka-ts/gpu-kit';
import { nvrtcCandidates } from './library-search';
import { type CudaDeviceProperties, type CudaNativeAddon, loadNativeAddon } from './native-addon';

/** The loaded CUDA stack (addon, driver, NVRTC), or why it is unusable. */
export type CudaRuntime =
  | (Extract<GpuRuntime, { available: true }> & {
      readonly addon: CudaNativeAddon;
      readonly devices: readonly CudaDeviceProperties[];
      readonly driverVersion: number;
      readonly nvrtcVersion: string;
      readonly nvrtcPath: string;
    })
  | { readonly available: false; readonly reason: string };

let runtime: CudaRuntime | undefined;

/** Loads the addon, the driver and NVRTC, and reads every GPU's properties, once per process. Never throws. */
export function cudaRuntime(): CudaRuntime {
  runtime ??= loadRuntime();
  return runtime;
}

function loadRuntime(): CudaRuntime {
  const status = loadNativeAddon();
  if (!status.available) return { available: false, reason: status.reason };
  let addon = status.addon;
  try {
    // ALPAKA_TS_TRACE_DRIVER traces every call (gpu-kit's driver-call-trace.ts), to find where a GPU job hangs;
    // a trace file that cannot be opened makes the backend unavailable, saying why.
    addon = withDriverTrace(status.addon);
    const driver = addon.loadDriver();
    if (!driver.loaded) return { available: false, reason: driver.reason ?? 'the CUDA driver could not be loaded' };
    if (!driver.deviceCount) return { available: false, reason: 'the CUDA driver found no NVIDIA GPU' };
    const candidates = nvrtcCandidates();
    const failures: string[] = [];
    for (const path of candidates) {
      const nvrtc = addon.loadNvrtc(path);
      if (nvrtc.loaded) {
        const devices = Array.from({ length: driver.deviceCount }, (_, index) => addon.deviceProperties(index));
        const driverVersion = driver.driverVersion ?? 0;
        const nvrtcVersion = nvrtc.version ?? 'unknown';
        const names = devices.map((device, index) => `${index}: ${device.name} (${device.architecture})`).join(', ');
        return {
          available: true,
          addon,
          devices,
          hostCallbacks: new HostCallbacks(addon),
          versions: { nvrtc: nvrtcVersion, driver: driverVersion },
          description: `${devices.length} GPU(s) [${names}], driver ${driverVersion}, NVRTC ${nvrtcVersion} from ${path}`,
          driverVersion,
          nvrtcVersion,
          nvrtcPath: path,
        };
      }
      failures.push(`${path}: ${nvrtc.reason}`);
    }
    return {
      available: false,
      reason: `libnvrtc (CUDA's run-time compiler) was not found${failures.length ? ` or failed to load (${failures.join('; ')})` : ''}; set CUDA_PATH or LD_LIBRARY_PATH to a CUDA toolkit, or install the nvidia-cuda-nvrtc Python wheel.`,
    };
  } catch (error) {
    return { available: false, reason: `initialising CUDA failed: ${(error as Error).message}` };
  }
}
