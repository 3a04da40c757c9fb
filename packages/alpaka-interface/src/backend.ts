import type { ElementType } from './element-types';
import type { KernelShapeV1 } from './kernel-shape';
import type { KernelSourceV1 } from './kernel-source';
import type { Layout } from './soa-layout';
import type { Vec } from './vector';

/**
 * The backend contract, version 1. A backend package's default export implements BackendV1; the
 * interface wraps these raw objects in Device, Queue, Event and Buffer, which validate every call, so a
 * backend receives only well-formed requests and every backend reports bad input the same way.
 */
export const specificationVersion = 'v1';
export type SpecificationVersion = typeof specificationVersion;

/**
 * CMSSW's `cms::alpakatools::AllocatorConfig` (AlpakaService's `hostAllocator` and `deviceAllocator` PSets): the
 * bins of a caching allocator are binGrowth^k bytes for k in minBin … maxBin, and at most
 * min(maxCachedBytes (0: no limit), maxCachedFraction × the memory (0: no limit)) stay cached.
 */
export interface CachingAllocatorConfigV1 {
  readonly binGrowth: number;
  readonly minBin: number;
  readonly maxBin: number;
  readonly maxCachedBytes: number;
  readonly maxCachedFraction: number;
  /**
   * Optional: the fill* debugging settings (fillAllocations/fillAllocationValue …): the byte written over a
   * block when it is newly allocated, handed out again from the cache, cached, or given back to the driver;
   * an absent one writes nothing at that step. Filling is queued on the block's stream, as CMSSW's memset is.
   */
  readonly fill?: CachingAllocatorFillV1;
}

export interface CachingAllocatorFillV1 {
  readonly allocations?: number;
  readonly reallocations?: number;
  readonly deallocations?: number;
  readonly caches?: number;
}

/** What `probe()` reports. It never throws: a missing library or device is `available: false` with the reason. */
export interface ProbeResult {
  readonly available: boolean;
  readonly reason: string;
}

export interface BackendV1 {
  readonly specificationVersion: SpecificationVersion;
  /** The alpaka backend name: serial_sync, cuda_async, rocm_async, or a third party's own. */
  readonly name: string;
  /** cpu, gpu-nvidia, gpu-amd, or a third party's own. */
  readonly accelerator: string;
  /** The C++ accelerator type this backend corresponds to, for messages (AccCpuSerial, AccGpuCudaRt …). */
  readonly acceleratorTypeName: string;
  /** True when kernels run on the host CPU: makeWorkDiv then uses CMSSW's CPU rule (1 thread × n elements). */
  readonly runsOnHost: boolean;
  probe(): ProbeResult;
  /** The platform whose devices run this backend's kernels. Only called after probe() said available. */
  platform(): PlatformV1;
  /** What a work division may ask of this accelerator on one device. */
  limits(device: DeviceV1): AcceleratorLimits;
  /** Enqueues a validated kernel launch into the queue (one of this platform's devices). */
  launch(queue: QueueV1, launch: KernelLaunchV1): void;
  /**
   * Optional: sets the caching allocators' configuration (the framework's AlpakaService does, before the job's
   * first event); blocks cached before keep their bins. A backend without caching allocators leaves it out.
   */
  configureCachingAllocators?(config: {
    readonly device?: CachingAllocatorConfigV1;
    readonly host?: CachingAllocatorConfigV1;
  }): void;
}

export interface AcceleratorLimits {
  readonly maxBlocksPerGrid: Vec;
  readonly maxThreadsPerBlock: Vec;
  readonly maxThreadsPerBlockTotal: number;
  readonly maxElementsPerThread: number;
  readonly maxDynamicSharedMemoryBytes: number;
}

export interface PlatformV1 {
  readonly name: string;
  devices(): readonly DeviceV1[];
}

export interface DeviceV1 {
  readonly name: string;
  readonly index: number;
  /** True for the host CPU, whose memory JavaScript reads directly. */
  readonly isHost: boolean;
  readonly totalMemoryBytes: number;
  freeMemoryBytes(): number;
  readonly warpSizes: readonly number[];
  readonly platform: PlatformV1;
  /** Allocates device memory; with a queue, stream-ordered (usable by work enqueued after this call). */
  allocate(byteLength: number, queue?: QueueV1): MemoryV1;
  /** Allocates host memory that this device copies to and from asynchronously (pinned), when it has such memory. */
  /** Pinned host memory for this platform; with a queue, ordered by it (CMSSW's make_host_unique(queue)). */
  allocateMapped?(byteLength: number, queue?: QueueV1): MemoryV1;
  /**
   * Pinned host memory straight from the driver with these allocation flags, not from a cache, given back to the
   * driver when collected (CMSSW's make_host_noncached_unique), when this device has such memory.
   */
  allocateMappedNoncached?(byteLength: number, flags: MappedMemoryFlagsV1): MemoryV1;
  createQueue(blocking: boolean): QueueV1;
  createEvent(): EventV1;
}

/** How pinned host memory is allocated (the driver's flags: cudaHostAllocPortable, …Mapped, …WriteCombined). */
export interface MappedMemoryFlagsV1 {
  /** Pinned for every GPU of the platform, not only the current one. */
  readonly portable: boolean;
  /**
   * Mapped into the GPUs' address space (cudaHostAllocMapped). Nothing gives its device address yet, and kernels
   * take device buffers only, so this only asks the driver for the mapping.
   */
  readonly mapped: boolean;
  /** Write-combined: fast for the host to write and the GPU to read, very slow for the host to read. */
  readonly writeCombined: boolean;
}

export interface MemoryV1 {
  readonly device: DeviceV1;
  readonly byteLength: number;
  /**
   * The buffer holding the memory when JavaScript can read it (host and pinned host memory). Host memory of
   * the host platform is a SharedArrayBuffer over the host heap, which WebAssembly kernels address directly;
   * the memory then starts at hostByteOffset in it.
   */
  readonly hostArrayBuffer: ArrayBufferLike | undefined;
  /** Where the memory starts in hostArrayBuffer (0 when absent). */
  readonly hostByteOffset?: number;
}

/** A pitched region of memory: byteOffset of the first element, bytes between slices and rows. */
export interface RegionV1 {
  readonly memory: MemoryV1;
  readonly byteOffset: number;
  readonly slicePitchBytes: number;
  readonly rowPitchBytes: number;
}

/** An extent as [depth, height, width]: 1D and 2D extents have leading 1s. */
export type Extent3 = readonly [number, number, number];

export interface QueueV1 {
  readonly device: DeviceV1;
  readonly blocking: boolean;
  /** Copies extent (width in bytes) from source to destination; the regions may be on different devices. */
  copy(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void;
  set(destination: RegionV1, byteValue: number, extentBytes: Extent3): void;
  fill(destination: RegionV1, elementType: ElementType, value: number, extentElements: Extent3): void;
  /** Runs a host function in queue order; a returned promise holds the queue until it settles. */
  enqueueHostTask(task: () => void | Promise<void>): void;
  /**
   * Runs `check` once the queue has passed this point, without holding it (optional: a backend without it runs
   * the check as a host task); the Error it returns fails the queue, as a failed operation does.
   */
  enqueueCompletionCheck?(check: () => Error | undefined): void;
  record(event: EventV1): void;
  waitFor(event: EventV1): void;
  /** Resolves when all work enqueued so far has finished, rejects with the first failure since the last wait. */
  wait(): Promise<void>;
  isEmpty(): boolean;
  /**
   * wait() without waiting (optional: a backend without it is always waited for): false while work enqueued so far
   * is still running; true once it has all finished, and then throws the first failure since the last wait, as
   * wait() would reject with it.
   */
  tryWait?(): boolean;
}

export interface EventV1 {
  readonly device: DeviceV1;
  isComplete(): boolean;
  /** Resolves when the work before the latest record() has finished. */
  wait(): Promise<void>;
}

export interface ArrayArgumentV1 {
  readonly kind: 'array';
  readonly memory: MemoryV1;
  readonly byteOffset: number;
  readonly length: number;
  readonly elementType: ElementType;
}

/** A view argument: the layout of `layout.size` elements, laid out from `byteOffset` in `memory`. */
export interface ViewArgumentV1 {
  readonly kind: 'view';
  readonly memory: MemoryV1;
  readonly byteOffset: number;
  /** Field offsets (from byteOffset), strides and the element count. */
  readonly layout: Layout;
}

export type KernelArgumentV1 = number | ArrayArgumentV1 | ViewArgumentV1;

export interface WorkDivisionV1 {
  readonly blocksPerGrid: Vec;
  readonly threadsPerBlock: Vec;
  readonly elementsPerThread: Vec;
}

export interface KernelLaunchV1 {
  readonly kernel: KernelSourceV1;
  /** The kernel's signature sorted once (kernelShapeOf(kernel)): parameters by kind, constants, device functions. */
  readonly shape: KernelShapeV1;
  readonly workDivision: WorkDivisionV1;
  /** One entry per signature parameter: scalars converted to their element type, arrays as memory regions. */
  readonly arguments: Readonly<Record<string, KernelArgumentV1>>;
  readonly dynamicSharedMemoryBytes: number;
  /** Where acc.check() records failures: [failed check count, id of the first failed check + 1]. */
  readonly checkBuffer: ArrayArgumentV1 | undefined;
  /**
   * Run the kernel's bounds-checked variant (ExecOptions.boundsChecks): an out-of-range array or view access is
   * skipped, the backend records the first one and fails the launch with a KernelExecutionError naming the
   * kernel, the argument, the index and the extent. The backend allocates that record itself.
   */
  readonly boundsChecks: boolean;
}
