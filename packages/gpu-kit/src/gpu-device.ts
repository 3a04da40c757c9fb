import {
  type DeviceV1,
  type EventV1,
  hostPlatformV1,
  type MappedMemoryFlagsV1,
  type MemoryV1,
  type PlatformV1,
  type QueueV1,
} from '@alpaka-ts/interface/backend';
import { eventAllocatorDriver } from './allocator-driver';
import { CachingAllocator, cmsswAllocatorOptions } from './caching-allocator';
import { GpuEvent } from './gpu-event';
import { DeviceMemory, PinnedMemory } from './gpu-memory';
import { GpuQueue } from './gpu-queue';
import type { GpuVendor } from './gpu-vendor';
import type { HostCallbacks } from './host-callbacks';
import type { GpuDeviceProperties, GpuNativeAddon } from './native-binding';
import { NoncachedPinnedMemory } from './noncached-pinned-memory';
import type { StagingBlock } from './pageable-staging';
import { pinnedAllocatorOf } from './pinned-allocator';

/** One GPU (through CUDA's primary context, or HIP's device). */
export class GpuDevice implements DeviceV1 {
  readonly isHost = false;
  readonly warpSizes: readonly number[];
  /** CMSSW's caching allocator for this device's memory. */
  readonly allocator: CachingAllocator;

  constructor(
    readonly platform: PlatformV1,
    readonly index: number,
    readonly properties: GpuDeviceProperties,
    private readonly addon: GpuNativeAddon,
    private readonly callbacks: HostCallbacks,
    readonly vendor: GpuVendor,
  ) {
    this.warpSizes = Object.freeze([properties.warpSize]);
    this.allocator = new CachingAllocator(
      eventAllocatorDriver(
        addon,
        {
          allocate: (bytes) => addon.memoryAllocate(index, bytes),
          free: (pointer) => addon.memoryFree(index, pointer),
        },
        () => index,
        vendor.isOutOfMemory,
      ),
      cmsswAllocatorOptions(properties.totalMemoryBytes),
    );
  }

  get name(): string {
    return this.properties.name;
  }
  get totalMemoryBytes(): number {
    return this.properties.totalMemoryBytes;
  }
  freeMemoryBytes(): number {
    return this.addon.freeMemory(this.index);
  }

  /** Device memory from the caching allocator; with a queue, stream-ordered (reusable at once on its stream). */
  allocate(byteLength: number, queue?: QueueV1): MemoryV1 {
    const stream = queue instanceof GpuQueue ? queue.stream : undefined;
    return new DeviceMemory(
      this,
      this.index,
      byteLength,
      this.allocator.allocate(byteLength, stream),
      this.allocator,
      stream,
    );
  }

  /**
   * Pinned host memory from the platform's caching host allocator: it belongs to the host device, and GPUs copy
   * to and from it asynchronously. With a queue, the block is stream-ordered as device memory is.
   */
  allocateMapped(byteLength: number, queue?: QueueV1): MemoryV1 {
    const host = hostPlatformV1.devices()[0] as DeviceV1;
    const stream = queue instanceof GpuQueue ? queue.stream : undefined;
    const allocator = pinnedAllocatorOf(this.addon, this.vendor.isOutOfMemory);
    return new PinnedMemory(
      host,
      byteLength,
      allocator.allocate(byteLength, stream),
      allocator,
      (pointer, bytes) => this.addon.pinnedArrayBuffer(pointer, bytes),
      stream,
    );
  }

  /** Pinned host memory straight from the driver, with these flags, given back to it when collected. */
  allocateMappedNoncached(byteLength: number, flags: MappedMemoryFlagsV1): MemoryV1 {
    const host = hostPlatformV1.devices()[0] as DeviceV1;
    return new NoncachedPinnedMemory(host, byteLength, flags, this.addon, this.callbacks, this.index);
  }

  /** A pinned block for one staged pageable copy (pageable-staging.ts), given back explicitly, not by collection. */
  stagingBlock(byteLength: number): StagingBlock {
    const allocator = pinnedAllocatorOf(this.addon, this.vendor.isOutOfMemory);
    const block = allocator.allocate(byteLength, undefined);
    const hostArrayBuffer = this.addon.pinnedArrayBuffer(block.pointer, byteLength);
    const memory: MemoryV1 = { device: hostPlatformV1.devices()[0] as DeviceV1, byteLength, hostArrayBuffer };
    return { memory, release: () => allocator.free(block, undefined) };
  }

  createQueue(blocking: boolean): QueueV1 {
    return new GpuQueue(this, this.index, blocking, this.addon, this.callbacks, this.vendor.backendName);
  }

  createEvent(): EventV1 {
    return new GpuEvent(this, this.index, this.addon.eventCreate(this.index), this.addon, (handle, reached) =>
      this.#callWhenComplete(handle, reached),
    );
  }

  /** A stream of the device's own that only waits for events, so event.wait() never holds a queue's stream. */
  #eventWaitStream: bigint | undefined = undefined;

  /** Calls `reached` once the event's latest record has completed: the helper stream waits on it, then calls back. */
  #callWhenComplete(handle: bigint, reached: () => void): void {
    this.#eventWaitStream ??= this.addon.streamCreate(this.index);
    this.addon.streamWaitEvent(this.index, this.#eventWaitStream, handle);
    this.callbacks.enqueue(this.index, this.#eventWaitStream, false, reached);
  }
}

/** The GPUs of one backend. */
export class GpuPlatform implements PlatformV1 {
  readonly name: string;
  private readonly all: readonly GpuDevice[];

  constructor(
    properties: readonly GpuDeviceProperties[],
    addon: GpuNativeAddon,
    callbacks: HostCallbacks,
    vendor: GpuVendor,
  ) {
    this.name = vendor.platformName;
    this.all = Object.freeze(
      properties.map((device, index) => new GpuDevice(this, index, device, addon, callbacks, vendor)),
    );
  }

  devices(): readonly DeviceV1[] {
    return this.all;
  }
}
