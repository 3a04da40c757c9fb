import { allocBuf, allocMappedBuf, type Buffer, Device, type Queue, u8 } from '@alpaka-ts/interface';

/**
 * The host memory of a host collection or object: pageable on a host device, or pinned for a queue's
 * platform, so copies to and from that queue's device are asynchronous (plain host memory on CPU backends).
 */
export function allocateHostBytes(bytes: number, hostOrQueue: Device | Queue): Buffer<typeof u8> {
  return hostOrQueue instanceof Device
    ? allocBuf(hostOrQueue, u8, bytes)
    : allocMappedBuf(hostOrQueue.device.platform, u8, bytes, hostOrQueue);
}
