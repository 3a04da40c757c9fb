import { nvrtcCandidates } from './library-search';
import { type CudaDeviceProperties, type CudaNativeAddon, loadNativeAddon } from './native-addon';

/** The loaded CUDA stack, or why it is unusable; found once per process. */
export type CudaRuntime =
  | {
      readonly available: true;
      readonly addon: CudaNativeAddon;
      readonly driverVersion: number;
      readonly nvrtcVersion: string;
      readonly nvrtcPath: string;
      readonly devices: readonly CudaDeviceProperties[];
      readonly hostCallbacks: HostCallbacks;
    }
  | { readonly available: false; readonly reason: string };

/**
 * Host callbacks from the driver's thread to JavaScript: each has an id and a function; the process is kept
 * alive while any is pending, and not otherwise (an idle backend must not hold Node open).
 */
export class HostCallbacks {
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();

  constructor(private readonly addon: CudaNativeAddon) {
    addon.setHostCallbackDispatcher((id) => {
      const callback = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) addon.keepAlive(false);
      callback?.();
    });
  }

  /** Enqueues `callback` to run when the stream reaches this point; with holds, the stream waits until release(id). */
  enqueue(device: number, stream: bigint, holds: boolean, callback: (id: number) => void): void {
    const id = this.nextId++;
    if (this.pending.size === 0) this.addon.keepAlive(true);
    this.pending.set(id, () => callback(id));
    try {
      this.addon.enqueueHostCallback(device, stream, id, holds);
    } catch (error) {
      this.pending.delete(id);
      if (this.pending.size === 0) this.addon.keepAlive(false);
      throw error;
    }
  }

  release(id: number): void {
    this.addon.releaseHostCallback(id);
  }
}

let runtime: CudaRuntime | undefined;

/** Loads the addon, the driver and NVRTC, and reads every GPU's properties. Never throws. */
export function cudaRuntime(): CudaRuntime {
  if (runtime) return runtime;
  runtime = loadRuntime();
  return runtime;
}

function loadRuntime(): CudaRuntime {
  const status = loadNativeAddon();
  if (!status.available) return { available: false, reason: status.reason };
  const { addon } = status;
  try {
    const driver = addon.loadDriver();
    if (!driver.loaded) return { available: false, reason: driver.reason ?? 'the CUDA driver could not be loaded' };
    if (!driver.deviceCount) return { available: false, reason: 'the CUDA driver found no NVIDIA GPU' };
    const candidates = nvrtcCandidates();
    const failures: string[] = [];
    for (const path of candidates) {
      const nvrtc = addon.loadNvrtc(path);
      if (nvrtc.loaded) {
        const devices = Array.from({ length: driver.deviceCount }, (_, index) => addon.deviceProperties(index));
        return {
          available: true,
          addon,
          driverVersion: driver.driverVersion ?? 0,
          nvrtcVersion: nvrtc.version ?? 'unknown',
          nvrtcPath: path,
          devices,
          hostCallbacks: new HostCallbacks(addon),
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
