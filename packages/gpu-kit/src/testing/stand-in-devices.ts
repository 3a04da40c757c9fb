import type { GpuDeviceProperties } from '../native-binding';

/** What differs between vendors in a stand-in addon: the device's figures and how its driver behaves. */
export interface StandInDevice {
  /** What deviceProperties() answers. */
  readonly properties: GpuDeviceProperties;
  /**
   * Whether a kernel's dynamic shared memory starts at the block's default and is raised on request (CUDA's
   * opt-in). Without it (HIP) a kernel may use all of the block's memory at once, and asking to raise it throws:
   * a launch must not ask.
   */
  readonly dynamicSharedOptIn: boolean;
  /** The run-time's versions, as GpuRuntime.versions (they go into kernel cache keys). */
  readonly versions: Readonly<Record<string, string | number>>;
  /** The error the vendor's addon throws when an allocation fails for lack of memory (its GpuVendor.isOutOfMemory). */
  outOfMemoryError(bytes: number): Error;
}

/** An NVIDIA H200 as CUDA's driver reports it. */
export const h200: StandInDevice = {
  properties: {
    name: 'NVIDIA H200',
    totalMemoryBytes: 141 * 2 ** 30,
    architecture: 'sm_90',
    multiprocessors: 132,
    warpSize: 32,
    maxThreadsPerBlock: 1024,
    maxBlockDimensions: [1024, 1024, 64],
    maxGridDimensions: [2147483647, 65535, 65535],
    sharedMemoryPerBlock: 49152,
    sharedMemoryPerBlockOptIn: 232448,
  },
  dynamicSharedOptIn: true,
  versions: { driver: 13000, compiler: '13.0' },
  outOfMemoryError: (bytes) =>
    Object.assign(new Error(`cuMemAlloc of ${bytes} bytes failed: CUDA_ERROR_OUT_OF_MEMORY (2)`), {
      cudaError: 'CUDA_ERROR_OUT_OF_MEMORY',
    }),
};

/** One GCD of an AMD Instinct MI250X as HIP reports it. */
export const mi250x: StandInDevice = {
  properties: {
    name: 'AMD Instinct MI250X',
    totalMemoryBytes: 64 * 2 ** 30,
    architecture: 'gfx90a:sramecc+:xnack-',
    multiprocessors: 110,
    warpSize: 64,
    maxThreadsPerBlock: 1024,
    maxBlockDimensions: [1024, 1024, 1024],
    maxGridDimensions: [2147483647, 65536, 65536],
    sharedMemoryPerBlock: 65536,
    sharedMemoryPerBlockOptIn: 65536,
  },
  dynamicSharedOptIn: false,
  versions: { hip: 50221153, hiprtc: '9.0' },
  outOfMemoryError: () =>
    Object.assign(new Error('hipMalloc failed: hipErrorOutOfMemory (2)'), { hipError: 'hipErrorOutOfMemory' }),
};
