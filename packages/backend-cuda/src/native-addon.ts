import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the cuda addon exports; the backend issue adds the device, memory and kernel entry points. */
export interface CudaNativeAddon {
  readonly abiVersion: string;
  loadDriver(): { loaded: boolean; reason?: string; driverVersion?: number; deviceCount?: number };
  loadNvrtc(path: string): { loaded: boolean; reason?: string; version?: string };
  deviceProperties(device: number): CudaDeviceProperties;
  freeMemory(device: number): number;
  streamCreate(device: number): bigint;
  streamSynchronize(device: number, stream: bigint): void;
  streamWaitEvent(device: number, stream: bigint, event: bigint): void;
  eventCreate(device: number): bigint;
  eventRecord(device: number, event: bigint, stream: bigint): void;
  eventQuery(device: number, event: bigint): boolean;
  setHostCallbackDispatcher(dispatch: (id: number) => void): void;
  keepAlive(alive: boolean): void;
  enqueueHostCallback(device: number, stream: bigint, id: number, holds: boolean): void;
  releaseHostCallback(id: number): void;
  memoryAllocate(device: number, bytes: number): bigint;
  memoryFree(device: number, pointer: bigint): void;
  /** Page-locked host memory (cuMemHostAlloc): its address. */
  pinnedAllocate(device: number, bytes: number): bigint;
  pinnedFree(device: number, pointer: bigint): void;
  /** An ArrayBuffer over pinned memory that does not own it (the caching host allocator does). */
  pinnedArrayBuffer(pointer: bigint, bytes: number): ArrayBuffer;
  copy(
    device: number,
    stream: bigint,
    /** A device pointer, or host memory: an ArrayBuffer, or a Uint8Array over exactly the memory. */
    destination: bigint | ArrayBuffer | Uint8Array,
    destinationOffset: number,
    destinationRowPitch: number,
    destinationSlicePitch: number,
    source: bigint | ArrayBuffer | Uint8Array,
    sourceOffset: number,
    sourceRowPitch: number,
    sourceSlicePitch: number,
    widthBytes: number,
    height: number,
    depth: number,
  ): void;
  set(
    device: number,
    stream: bigint,
    pointer: bigint,
    rowPitch: number,
    slicePitch: number,
    elementBytes: number,
    value: number,
    widthElements: number,
    height: number,
    depth: number,
  ): void;
  compile(
    source: string,
    name: string,
    options: readonly string[],
  ): { ok: boolean; log: string; error: string; cubin?: ArrayBuffer };
  moduleLoad(device: number, cubin: ArrayBuffer): bigint;
  moduleFunction(device: number, module: bigint, name: string): bigint;
  functionAttributes(device: number, kernelFunction: bigint | number): CudaFunctionAttributes;
  /** cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES): needed for more than 48 KiB of dynamic shared memory. */
  functionSetMaxDynamicShared(device: number, kernelFunction: bigint | number, bytes: number): void;
  /** Launches from a launch record (launch-plan.ts: header, parameter offsets, arguments). */
  launch(record: ArrayBuffer): void;
}

/** What the driver reports of one compiled kernel (cuFuncGetAttribute). */
export interface CudaFunctionAttributes {
  readonly staticSharedBytes: number;
  /** How much dynamic shared memory a launch may ask for now (48 KiB less the static part until raised). */
  readonly maxDynamicSharedBytes: number;
  readonly maxThreadsPerBlock: number;
  readonly registers: number;
}

/** What the driver reports of one GPU. */
export interface CudaDeviceProperties {
  readonly name: string;
  readonly totalMemoryBytes: number;
  /** "90" for sm_90. */
  readonly computeCapability: string;
  readonly multiprocessors: number;
  readonly warpSize: number;
  readonly maxThreadsPerBlock: number;
  /** x, y, z */
  readonly maxBlockDimensions: readonly [number, number, number];
  readonly maxGridDimensions: readonly [number, number, number];
  readonly sharedMemoryPerBlock: number;
  readonly sharedMemoryPerBlockOptIn: number;
}

/** Either the loaded addon, or why it could not be loaded: importing the package never throws. */
export type NativeAddonStatus =
  | { readonly available: true; readonly addon: CudaNativeAddon; readonly path: string }
  | { readonly available: false; readonly reason: string };

/** The addon version this JavaScript expects; a stale build from an older install is refused. */
export const expectedAbiVersion = 'alpaka-ts.cuda-addon.6';

// src/ and dist/ both sit one level below the package root, where node-gyp writes build/.
const packageRoot = new URL('../', import.meta.url);

export function loadNativeAddon(buildDirectory: URL = new URL('build/', packageRoot)): NativeAddonStatus {
  const addonPath = fileURLToPath(new URL('Release/alpaka_cuda.node', buildDirectory));
  const failurePath = fileURLToPath(new URL('native-build-failure.txt', buildDirectory));
  if (existsSync(failurePath)) {
    return {
      available: false,
      reason: `the native addon failed to build at install time: ${readFileSync(failurePath, 'utf8').trim()}`,
    };
  }
  if (!existsSync(addonPath)) {
    return {
      available: false,
      reason: `the native addon is missing at ${addonPath}; reinstall the package with install scripts enabled (pnpm: add it to onlyBuiltDependencies).`,
    };
  }
  try {
    const addon = createRequire(import.meta.url)(addonPath) as CudaNativeAddon;
    if (addon.abiVersion !== expectedAbiVersion) {
      return {
        available: false,
        reason: `the native addon at ${addonPath} is version ${String(addon.abiVersion)}, this package needs ${expectedAbiVersion}; reinstall the package to rebuild it.`,
      };
    }
    return { available: true, addon, path: addonPath };
  } catch (error) {
    return {
      available: false,
      reason: `the native addon at ${addonPath} could not be loaded: ${(error as Error).message}`,
    };
  }
}
