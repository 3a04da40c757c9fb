import {
  type DeviceV1,
  type EventV1,
  hostPlatformV1,
  type MemoryV1,
  type PlatformV1,
  type QueueV1,
} from '@alpaka-ts/interface';
import { cudaAllocatorDriver } from './allocator-driver';
import { CachingAllocator, cmsswAllocatorOptions } from './caching-allocator';
import { CudaEvent } from './cuda-event';
import { CudaMemory, PinnedMemory } from './cuda-memory';
import { CudaQueue } from './cuda-queue';
import type { HostCallbacks } from './cuda-runtime';
import type { CudaDeviceProperties, CudaNativeAddon } from './native-addon';
import { pinnedAllocatorOf } from './pinned-allocator';

/** One NVIDIA GPU, through its primary context. */
export class CudaDevice implements DeviceV1 {
  readonly isHost = false;
  readonly warpSizes: readonly number[];
  /** CMSSW's caching allocator for this device's memory. */
  readonly allocator: CachingAllocator;

  constructor(
    readonly platform: PlatformV1,
    readonly index: number,
    readonly properties: CudaDeviceProperties,
    private readonly addon: CudaNativeAddon,
    private readonly callbacks: HostCallbacks,
  ) {
    this.warpSizes = Object.freeze([properties.warpSize]);
    this.allocator = new CachingAllocator(
      cudaAllocatorDriver(
        addon,
        {
          allocate: (bytes) => addon.memoryAllocate(index, bytes),
          free: (pointer) => addon.memoryFree(index, pointer),
        },
        () => index,
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
    const stream = queue instanceof CudaQueue ? queue.stream : undefined;
    return new CudaMemory(
      this,
      this.index,
      byteLength,
      this.allocator.allocate(byteLength, stream),
      this.allocator,
      stream,
    );
  }

  /**
   * Pinned host memory from the process's caching host allocator: it belongs to the host device, and GPUs copy
   * to and from it asynchronously. With a queue, the block is stream-ordered as device memory is.
   */
  allocateMapped(byteLength: number, queue?: QueueV1): MemoryV1 {
    const host = hostPlatformV1.devices()[0] as DeviceV1;
    const stream = queue instanceof CudaQueue ? queue.stream : undefined;
    const allocator = pinnedAllocatorOf(this.addon);
    return new PinnedMemory(
      host,
      byteLength,
      allocator.allocate(byteLength, stream),
      allocator,
      (pointer, bytes) => this.addon.pinnedArrayBuffer(pointer, bytes),
      stream,
    );
  }

  createQueue(blocking: boolean): QueueV1 {
    return new CudaQueue(this, this.index, blocking, this.addon, this.callbacks);
  }

  createEvent(): EventV1 {
    return new CudaEvent(this, this.index, this.addon.eventCreate(this.index), this.addon);
  }
}

export class CudaPlatform implements PlatformV1 {
  readonly name = 'cuda';
  private readonly all: readonly CudaDevice[];

  constructor(properties: readonly CudaDeviceProperties[], addon: CudaNativeAddon, callbacks: HostCallbacks) {
    this.all = Object.freeze(properties.map((device, index) => new CudaDevice(this, index, device, addon, callbacks)));
  }

  devices(): readonly DeviceV1[] {
    return this.all;
  }
}
