import { allocAsyncBuf, type Buffer, InvalidArgumentError, memset, type Queue, u8 } from '@alpaka-ts/interface';
import { computeDataSize, type LayoutSchema } from '@alpaka-ts/soa-template';
import { PortableHostCollection } from './host-collection';
import { checkedSize, type LayoutLike, schemaOf } from './schema-of';

/**
 * An SoA collection in a device's memory (CMSSW's PortableDeviceCollection): one buffer of computeDataSize
 * bytes, allocated in queue order. JavaScript cannot read it; copy it to the host (copyToHost) to look at it.
 */
export class PortableDeviceCollection {
  readonly schema: LayoutSchema;
  readonly size: number;
  readonly buffer: Buffer<typeof u8>;

  constructor(layout: LayoutLike, size: number, queue: Queue) {
    this.schema = schemaOf(layout);
    this.size = checkedSize(size, this.schema);
    if (queue.device.isHost) {
      throw new InvalidArgumentError(
        `a device collection of '${this.schema.name}' on the host: on host backends use PortableHostCollection, or collectionFor(queue, …), which picks it.`,
      );
    }
    this.buffer = allocAsyncBuf(queue, u8, computeDataSize(this.schema, this.size));
  }

  zeroInitialise(queue: Queue): void {
    memset(queue, this.buffer, 0);
  }
}

/**
 * "The collection type for this backend" (CMSSW's PortableCollection<T, Device>): a host collection on host
 * backends, where there is nothing to copy, and a device collection on accelerators.
 */
export function collectionFor(
  queue: Queue,
  layout: LayoutLike,
  size: number,
): PortableHostCollection | PortableDeviceCollection {
  return queue.device.isHost
    ? new PortableHostCollection(layout, size, queue)
    : new PortableDeviceCollection(layout, size, queue);
}
