import type { DeviceV1, EventV1, MappedMemoryFlagsV1, MemoryV1, PlatformV1, QueueV1 } from '../../backend';
import { AlpakaError, InvalidArgumentError } from '../../errors';
import { hostPlatformV1 } from '../../host/host-device';
import { MockEvent } from './mock-event';
import { attachPrivateBytes, MockMemory } from './mock-memory';
import { MockQueue, type MockQueueContext } from './mock-queue';

/** What the devices of one mock platform share besides the queue context. */
export interface MockDeviceContext extends MockQueueContext {
  readonly memoryBytesPerDevice: number;
  readonly initialByte: number;
  readonly warpSizes: readonly number[];
  /** Marks memory from allocateMapped, so the counters can tell pinned from pageable host memory. */
  readonly markMapped: (memory: MemoryV1) => void;
}

// Device memory goes back to its device's budget when the memory object is collected, as a GPU backend's goes
// back to its caching allocator. (The held value must not reference the memory, or it would never be collected.)
const returned = new FinalizationRegistry<{ device: MockDevice; byteLength: number }>(({ device, byteLength }) =>
  device.release(byteLength),
);

/** One device of a mock platform: memory JavaScript cannot read, non-blocking queues, events. */
export class MockDevice implements DeviceV1 {
  readonly isHost = false;
  readonly name: string;
  readonly warpSizes: readonly number[];
  private liveBytes = 0;
  private queueSerial = 0;

  constructor(
    readonly platform: PlatformV1,
    readonly index: number,
    private readonly context: MockDeviceContext,
  ) {
    this.name = `mock accelerator ${index}`;
    this.warpSizes = Object.freeze([...context.warpSizes]);
  }

  get totalMemoryBytes(): number {
    return this.context.memoryBytesPerDevice;
  }

  freeMemoryBytes(): number {
    return this.context.memoryBytesPerDevice - this.liveBytes;
  }

  release(byteLength: number): void {
    this.liveBytes -= byteLength;
  }

  /**
   * Device memory; with a queue, stream-ordered: usable by that queue's later work at once, and by other queues
   * only after they have been ordered behind the allocation (checked when their work starts).
   */
  allocate(byteLength: number, queue?: QueueV1): MemoryV1 {
    if (queue !== undefined && !(queue instanceof MockQueue && queue.device === this)) {
      throw new InvalidArgumentError(
        `a stream-ordered allocation on ${this.name} needs a queue of that device; this queue runs on ${queue.device.name}.`,
      );
    }
    if (this.liveBytes + byteLength > this.context.memoryBytesPerDevice) {
      throw new AlpakaError(
        'ALPAKA_OUT_OF_MEMORY',
        `out of device memory on ${this.name}: asked for ${byteLength} bytes with ${this.liveBytes} of ${this.context.memoryBytesPerDevice} in use; release buffers or create the mock with a larger memoryBytesPerDevice.`,
      );
    }
    const point = queue ? { queue, position: queue.enqueued } : undefined;
    const memory = new MockMemory(this, byteLength, point);
    attachPrivateBytes(memory, this.context.initialByte);
    this.liveBytes += byteLength;
    returned.register(memory, { device: this, byteLength });
    const statistics = this.context.statistics;
    statistics.add(this.index, 'allocations');
    statistics.add(this.index, 'allocatedBytes', byteLength);
    if (queue) statistics.add(this.index, 'streamOrderedAllocations');
    return memory;
  }

  /**
   * Pinned host memory, as the GPU backends give it: it belongs to the host device and JavaScript reads it;
   * the mock's queues copy to and from it like any host memory, but count it as pinned.
   */
  allocateMapped(byteLength: number): MemoryV1 {
    this.context.statistics.add(this.index, 'mappedAllocations');
    return this.pinnedHostMemory(byteLength);
  }

  /** Pinned host memory outside the cache, as the GPU backends give it: counted, and write-combined apart. */
  allocateMappedNoncached(byteLength: number, flags: MappedMemoryFlagsV1): MemoryV1 {
    this.context.statistics.add(this.index, 'noncachedMappedAllocations');
    if (flags.writeCombined) this.context.statistics.add(this.index, 'writeCombinedAllocations');
    return this.pinnedHostMemory(byteLength);
  }

  private pinnedHostMemory(byteLength: number): MemoryV1 {
    const hostDevice = hostPlatformV1.devices()[0] as DeviceV1;
    const memory = hostDevice.allocate(byteLength);
    this.context.markMapped(memory);
    return memory;
  }

  createQueue(blocking: boolean): QueueV1 {
    this.queueSerial += 1;
    return new MockQueue(this, blocking, this.context, this.queueSerial);
  }

  createEvent(): EventV1 {
    return new MockEvent(this);
  }
}

/** The devices of one mock backend. */
export class MockPlatform implements PlatformV1 {
  private readonly all: readonly MockDevice[];

  constructor(
    readonly name: string,
    deviceCount: number,
    context: (platform: MockPlatform) => MockDeviceContext,
  ) {
    const shared = context(this);
    this.all = Object.freeze(Array.from({ length: deviceCount }, (_, index) => new MockDevice(this, index, shared)));
  }

  devices(): readonly DeviceV1[] {
    return this.all;
  }
}
