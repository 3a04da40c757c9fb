import type { DeviceV1, MemoryV1, RegionV1 } from '../../backend';
import { HostMemory } from '../../host/host-memory';

/** Where a stream-ordered allocation becomes usable: once its queue has finished `position` operations. */
export interface AllocationPoint {
  readonly queue: { readonly name: string; readonly completedOperations: number };
  readonly position: number;
}

/**
 * Memory of a mock device. Like a GPU's, JavaScript cannot read it through the interface (hostArrayBuffer is
 * undefined, so buffer.hostArray() throws); its bytes live in an ArrayBuffer that only the mock's queues and its
 * kernel runner reach, through privateBytesOf and privateHostMemoryOf.
 */
export class MockMemory implements MemoryV1 {
  readonly hostArrayBuffer = undefined;

  constructor(
    readonly device: DeviceV1,
    readonly byteLength: number,
    /** Set for stream-ordered allocations: other queues may touch the memory only after this point. */
    readonly allocationPoint: AllocationPoint | undefined,
  ) {}
}

// Kept outside the class, so no property of a MockMemory leads to its bytes: code that reads device memory
// without a copy fails on the mock as it would on a GPU.
const privateBytes = new WeakMap<MockMemory, Uint8Array>();
const privateHostMemories = new WeakMap<MockMemory, HostMemory>();

/** Makes the memory's bytes, every one set to initialByte (a GPU's new memory holds whatever was there). */
export function attachPrivateBytes(memory: MockMemory, initialByte: number): void {
  const bytes = new Uint8Array(memory.byteLength);
  if (initialByte !== 0) bytes.fill(initialByte);
  privateBytes.set(memory, bytes);
}

export function privateBytesOf(memory: MockMemory): Uint8Array {
  const bytes = privateBytes.get(memory);
  if (!bytes) throw new Error('internal error: a mock memory without its bytes');
  return bytes;
}

/**
 * The memory as host memory over its private bytes (one object per memory, so caches keyed by memory or by
 * argument keep hitting): what the mock's copies and its kernel runner work on.
 */
export function privateHostMemoryOf(memory: MockMemory): HostMemory {
  let found = privateHostMemories.get(memory);
  if (!found) {
    const bytes = privateBytesOf(memory);
    found = new HostMemory(memory.device, bytes.buffer, bytes.byteOffset, bytes.byteLength);
    privateHostMemories.set(memory, found);
  }
  return found;
}

/** The region with mock memory replaced by its private host memory; host-readable regions stay as they are. */
export function hostReadableRegion(region: RegionV1): RegionV1 {
  if (!(region.memory instanceof MockMemory)) return region;
  return { ...region, memory: privateHostMemoryOf(region.memory) };
}
