import os from 'node:os';
import type { DeviceV1, EventV1, MemoryV1, PlatformV1, QueueV1 } from '../backend';
import { HostEvent } from './host-event';
import { hostHeap } from './host-heap';
import { HostMemory } from './host-memory';
import { HostQueue } from './host-queue';

/** The host CPU as a device (alpaka's DevCpu): every CPU accelerator, serial_sync included, runs on it. */
class HostDevice implements DeviceV1 {
  readonly name: string;
  readonly index = 0;
  readonly isHost = true;
  readonly warpSizes = Object.freeze([1]);

  constructor(readonly platform: PlatformV1) {
    this.name = os.cpus()[0]?.model.trim() || 'host CPU';
  }

  get totalMemoryBytes(): number {
    return os.totalmem();
  }

  freeMemoryBytes(): number {
    return os.freemem();
  }

  /** Host memory from the host heap, where WebAssembly kernels reach it; past the heap's 4 GiB, an ArrayBuffer. */
  allocate(byteLength: number): MemoryV1 {
    const allocation = hostHeap().allocate(byteLength);
    if (!allocation) return new HostMemory(this, new ArrayBuffer(byteLength));
    return new HostMemory(this, allocation.arrayBuffer, allocation.byteOffset, byteLength);
  }

  createQueue(blocking: boolean): QueueV1 {
    return new HostQueue(this, blocking);
  }

  createEvent(): EventV1 {
    return new HostEvent(this);
  }
}

class HostPlatform implements PlatformV1 {
  readonly name = 'host';
  private readonly device: DeviceV1 = new HostDevice(this);
  devices(): readonly DeviceV1[] {
    return [this.device];
  }
}

/** The one host platform of the process, shared by every CPU backend. */
export const hostPlatformV1: PlatformV1 = new HostPlatform();
