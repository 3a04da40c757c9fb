import type { DeviceV1, MemoryV1 } from '@alpaka-ts/interface';
import type { CudaNativeAddon } from './native-addon';

// Device memory is freed when its JavaScript object is collected. cuMemFree waits for the device, so no
// queue still uses it then. (The caching allocator of the backend-cuda issue will replace this.)
const freeing = new FinalizationRegistry<{ addon: CudaNativeAddon; device: number; pointer: bigint }>(
  ({ addon, device, pointer }) => {
    try {
      addon.memoryFree(device, pointer);
    } catch {
      // The process may be shutting down with the context gone; nothing is left to free then.
    }
  },
);

/** Memory on a GPU: a device pointer JavaScript cannot read. */
export class CudaMemory implements MemoryV1 {
  readonly hostArrayBuffer = undefined;
  /** The pointer as a number, for writing launch arguments without BigInt arithmetic: device addresses fit in 48 bits. */
  readonly address: number;

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly byteLength: number,
    readonly pointer: bigint,
    addon: CudaNativeAddon,
  ) {
    this.address = Number(pointer);
    if (!Number.isSafeInteger(this.address))
      throw new Error(`internal error: device address ${pointer} does not fit a double`);
    freeing.register(this, { addon, device: ordinal, pointer });
  }
}

/** Pinned host memory: an ArrayBuffer over page-locked memory, so copies to and from it are asynchronous. */
export class PinnedMemory implements MemoryV1 {
  constructor(
    readonly device: DeviceV1,
    readonly hostArrayBuffer: ArrayBuffer,
  ) {}
  get byteLength(): number {
    return this.hostArrayBuffer.byteLength;
  }
}
