import type { GpuRuntime } from '../gpu-vendor';
import type { GpuNativeAddon } from '../native-binding';
import type { DecodedLaunchRecord } from './launch-record-decoder';
import type { StandInDevice } from './stand-in-devices';

/** One launch as the stand-in received it: the record decoded, and the name of the entry it launched. */
export interface StandInLaunch extends DecodedLaunchRecord {
  /** The kernel entry's name, as moduleFunction was given it. */
  readonly entry: string;
}

/** The stand-in's memory: device and pinned allocations by address, each its own host bytes. */
export interface StandInMemory {
  /** The bytes from `address` to the end of the allocation holding it (device or pinned). */
  bytesAt(address: bigint): Uint8Array;
}

/** What `standInGpuAddon` makes: the addon, a runtime over it for createGpuBackend, and what reached it. */
export interface StandInGpuAddon {
  readonly addon: GpuNativeAddon;
  /** The runtime a GpuVendor's loader returns: the addon, its one device, its versions and a description. */
  readonly runtime: Extract<GpuRuntime, { readonly available: true }>;
  /** Every call that reaches the driver, in order (unless `recording` is false). */
  readonly calls: readonly string[];
  /** Every launch, decoded (unless `recording` is false). */
  readonly launches: readonly StandInLaunch[];
  /** Each run of the run-time compiler: the source's name and the options. */
  readonly compiled: readonly { readonly name: string; readonly options: readonly string[] }[];
  readonly memory: StandInMemory;
  /** How many launches reached the addon (counted even when `recording` is false). */
  launchCount(): number;
  /** With `eventsComplete: false`: the stream has passed every event recorded so far, so eventQuery says so. */
  completeEvents(): void;
}

/** How a stand-in addon is configured; every option has a default. */
export interface StandInAddonOptions {
  /** The device and its vendor's driver behaviour: `h200` (the default) or `mi250x`, or your own. */
  readonly device?: StandInDevice;
  /** What the addon claims; a backend that checks its addon's ABI needs its own expectedAbiVersion here. */
  readonly abiVersion?: string;
  /** Every kernel's static shared memory, which the dynamic shared memory a launch may ask for leaves out. */
  readonly staticSharedBytes?: number;
  /** Device allocations above this many bytes fail as the vendor's driver does when out of memory. */
  readonly failAllocationsAbove?: number;
  /** Plays the kernel: writes through `memory.bytesAt(address)` what the GPU would (a bounds violation, say). */
  readonly onLaunch?: (launch: StandInLaunch, memory: StandInMemory) => void;
  /**
   * False: a recorded event stays pending (eventQuery answers false) until `completeEvents()`, as if the GPU had not
   * reached it yet, for tests of what waits on a stream (the caching allocators). True, the default: every event
   * has completed by the time it is queried.
   */
  readonly eventsComplete?: boolean;
  /**
   * False: launches are only counted, and no call is logged or launch kept, so a benchmark's millions of
   * launches cost what the real addon's cost JavaScript (nothing) and hold no memory.
   */
  readonly recording?: boolean;
}
