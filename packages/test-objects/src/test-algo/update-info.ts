import {
  allocAsyncBuf,
  allocBuf,
  type Buffer,
  type Device,
  host,
  i32,
  memcpy,
  Queue,
  registerCopyToDevice,
  u8,
} from '@alpaka-ts/interface';
import { defineStruct } from '@alpaka-ts/portable';

/** cms::alpakatest::UpdateInfo { int x, y, z; }: what TestAlgo::update adds (x) to a collection. */
export const UpdateInfo = defineStruct('UpdateInfo', { x: i32, y: i32, z: i32 });

/**
 * cms::alpakatools::host_buffer<UpdateInfo> (and the device_buffer a CopyToDeviceCache makes of it): one
 * UpdateInfo in a buffer of bytes of some device. A class of its own so that its CopyToDevice can be registered.
 */
export class UpdateInfoBuffer {
  static readonly productTypeName = 'cms::alpakatools::host_buffer<UpdateInfo>';
  constructor(readonly buffer: Buffer<typeof u8>) {}

  /** A host buffer holding {x, y, z}. */
  static onHost(x: number, y: number, z: number, hostOrQueue: Device | Queue = host()): UpdateInfoBuffer {
    const device = hostOrQueue instanceof Queue ? hostOrQueue.device : hostOrQueue;
    const buffer = allocBuf(device, u8, UpdateInfo.byteSize);
    const values = new Int32Array(buffer.hostArray().buffer, buffer.hostArray().byteOffset, 3);
    values.set([x, y, z]);
    return new UpdateInfoBuffer(buffer);
  }

  /** {x, y, z} of a host buffer. */
  static values(onHost: UpdateInfoBuffer): [number, number, number] {
    const bytes = onHost.buffer.hostArray();
    const [x = 0, y = 0, z = 0] = new Int32Array(bytes.buffer, bytes.byteOffset, 3);
    return [x, y, z];
  }
}

let registered = false;

/** The buffer's CopyToDevice (alpaka::memcpy into a device buffer), for CopyToDeviceCache. */
export function registerUpdateInfoCopies(): void {
  if (registered) return;
  registered = true;
  registerCopyToDevice(UpdateInfoBuffer, {
    copyAsync: (queue, source: UpdateInfoBuffer) => {
      const onDevice = allocAsyncBuf(queue, u8, UpdateInfo.byteSize);
      memcpy(queue, onDevice, source.buffer);
      return new UpdateInfoBuffer(onDevice);
    },
    deviceType: UpdateInfoBuffer,
  });
}
