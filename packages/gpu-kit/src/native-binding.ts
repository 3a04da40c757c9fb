/**
 * What a GPU backend's native addon exports for the shared TypeScript layer: the same functions, with the same
 * arguments, over CUDA's driver API (backend-cuda) and over HIP (backend-rocm). Each addon adds its own
 * loading entry points (driver and run-time compiler); everything from devices to launches goes through these.
 * Handles and pointers are BigInts, except on the launch path (see launch-plan.ts).
 */
export interface GpuNativeAddon {
  readonly abiVersion: string;
  deviceProperties(device: number): GpuDeviceProperties;
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
  /**
   * Copies between two host memories on the driver's thread when the stream gets there, then hands `id` to
   * the dispatcher as a callback that does not hold the stream. No JavaScript runs in between, so the stream
   * keeps its order without waiting for the main thread (which may be inside a driver call that waits for it).
   * The memories must stay alive until `id` is dispatched.
   */
  enqueueHostCopy(
    device: number,
    stream: bigint,
    id: number,
    destination: ArrayBuffer | Uint8Array,
    destinationOffset: number,
    destinationRowPitch: number,
    destinationSlicePitch: number,
    source: ArrayBuffer | Uint8Array,
    sourceOffset: number,
    sourceRowPitch: number,
    sourceSlicePitch: number,
    widthBytes: number,
    height: number,
    depth: number,
  ): void;
  memoryAllocate(device: number, bytes: number): bigint;
  memoryFree(device: number, pointer: bigint): void;
  /** Page-locked host memory, reachable from every GPU of the platform: its address. */
  /** Pinned host memory; `flags` are the driver's host-allocation flags (default: portable). */
  pinnedAllocate(device: number, bytes: number, flags?: number): bigint;
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
  /** Runs the platform's run-time compiler (NVRTC, hiprtc): the code object, or the log of why not. */
  compile(source: string, name: string, options: readonly string[]): CompileResult;
  moduleLoad(device: number, binary: ArrayBuffer): bigint;
  moduleFunction(device: number, module: bigint, name: string): bigint;
  functionAttributes(device: number, kernelFunction: bigint | number): GpuFunctionAttributes;
  /** Raises a kernel's dynamic shared memory allowance (CUDA needs this above 48 KiB; HIP gives all at once). */
  functionSetMaxDynamicShared(device: number, kernelFunction: bigint | number, bytes: number): void;
  /** Launches from a launch record (launch-plan.ts: header, parameter offsets, arguments). */
  launch(record: ArrayBuffer): void;
}

export interface CompileResult {
  readonly ok: boolean;
  readonly log: string;
  /** The compiler's name for its result code. */
  readonly error: string;
  /** The code object (a cubin, an AMD code object): present when ok. */
  readonly binary?: ArrayBuffer;
}

/** What the driver reports of one compiled kernel. */
export interface GpuFunctionAttributes {
  readonly staticSharedBytes: number;
  /** How much dynamic shared memory a launch may ask for now (on CUDA, 48 KiB less the static part until raised). */
  readonly maxDynamicSharedBytes: number;
  readonly maxThreadsPerBlock: number;
  readonly registers: number;
}

/** What the driver reports of one GPU. */
export interface GpuDeviceProperties {
  readonly name: string;
  readonly totalMemoryBytes: number;
  /** What the run-time compiler targets: "sm_90" on NVIDIA, the gfx name ("gfx90a:sramecc+:xnack-") on AMD. */
  readonly architecture: string;
  readonly multiprocessors: number;
  /** 32 on NVIDIA; 64 or 32 on AMD. */
  readonly warpSize: number;
  readonly maxThreadsPerBlock: number;
  /** x, y, z */
  readonly maxBlockDimensions: readonly [number, number, number];
  readonly maxGridDimensions: readonly [number, number, number];
  readonly sharedMemoryPerBlock: number;
  /** The most a block may have after opting in (CUDA); equal to sharedMemoryPerBlock where there is no opt-in. */
  readonly sharedMemoryPerBlockOptIn: number;
}

/**
 * Every function of the contract, by name: what both addons must export (their tests check it). The type below
 * fails to compile when the interface gains a function this list lacks.
 */
export const nativeContractFunctions = [
  'deviceProperties',
  'freeMemory',
  'streamCreate',
  'streamSynchronize',
  'streamWaitEvent',
  'eventCreate',
  'eventRecord',
  'eventQuery',
  'setHostCallbackDispatcher',
  'keepAlive',
  'enqueueHostCallback',
  'releaseHostCallback',
  'enqueueHostCopy',
  'memoryAllocate',
  'memoryFree',
  'pinnedAllocate',
  'pinnedFree',
  'pinnedArrayBuffer',
  'copy',
  'set',
  'compile',
  'moduleLoad',
  'moduleFunction',
  'functionAttributes',
  'functionSetMaxDynamicShared',
  'launch',
] as const satisfies readonly Exclude<keyof GpuNativeAddon, 'abiVersion'>[];

type Missing = Exclude<Exclude<keyof GpuNativeAddon, 'abiVersion'>, (typeof nativeContractFunctions)[number]>;
// Compiles only while nothing is missing from the list.
const everyFunctionListed: [Missing] extends [never] ? true : Missing = true;
void everyFunctionListed;
