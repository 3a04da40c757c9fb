import type { HostCallbacks } from './host-callbacks';
import type { GpuDeviceProperties, GpuNativeAddon } from './native-binding';

/**
 * What differs between the GPU backends built on this package: names, the kernel compiler's dialect, the run-time
 * compiler's options and limits, and how the driver reports running out of memory. Everything else (queues,
 * events, memory, caching allocators, launches, the kernel disk cache) is shared.
 */
export interface GpuVendor {
  /** The backend's name in configurations: "cuda_async", "rocm_async". */
  readonly backendName: string;
  readonly accelerator: string;
  /** alpaka's accelerator type name: "AccGpuCudaRt", "AccGpuHipRt". */
  readonly acceleratorTypeName: string;
  /** The platform's name: "cuda", "rocm". */
  readonly platformName: string;
  /** Who makes the GPUs, for messages: "NVIDIA", "AMD". */
  readonly maker: string;
  /** The kernel compiler's C++ dialect. */
  readonly emitterTarget: 'cuda' | 'hip';
  /** The run-time compiler's name, for messages and statistics: "NVRTC", "hiprtc". */
  readonly compilerName: string;
  /** The cache's folder under the alpaka-ts cache directory, and the binaries' file extension. */
  readonly cacheFolder: string;
  readonly binaryExtension: string;
  /** The run-time compiler's options for one architecture (besides the emitted module's required options). */
  compileOptions(architecture: string): readonly string[];
  /** Is this error an out-of-memory failure of the driver (the caching allocator then frees its cache and retries). */
  isOutOfMemory(error: unknown): boolean;
}

/** A loaded GPU stack (addon, driver, run-time compiler), or why it is unusable; found once per process. */
export type GpuRuntime =
  | {
      readonly available: true;
      readonly addon: GpuNativeAddon;
      readonly devices: readonly GpuDeviceProperties[];
      readonly hostCallbacks: HostCallbacks;
      /** What a compiled binary depends on besides source, options and architecture: compiler and driver versions. */
      readonly versions: Readonly<Record<string, string | number>>;
      /** The driver, compiler and libraries found, for probe(). */
      readonly description: string;
      /** Refuses, with a clear error, an architecture the run-time compiler cannot target (before calling it). */
      readonly checkTarget?: (architecture: string) => void;
    }
  | { readonly available: false; readonly reason: string };
