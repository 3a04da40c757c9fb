import { allocAsyncBuf, type Device, fill, InvalidArgumentError, memset, type Queue, u8 } from '@alpaka-ts/interface';
import { hostStart } from '@alpaka-ts/interface/backend';
import { allocateHostBytes } from './host-bytes';
import { PortableProduct, ProductMovedError } from './portable-product';
import type { StructSchema } from './struct-schema';

/**
 * One struct in host memory (CMSSW's PortableHostObject<T>): `value.field` reads and writes it in place. Given a
 * queue, the memory is pinned for the queue's platform, as for host collections.
 */
export class PortableHostObject extends PortableProduct {
  private fields: Record<string, number>;

  constructor(
    readonly schema: StructSchema,
    hostOrQueue: Device | Queue,
  ) {
    if (schema?.kind !== 'struct')
      throw new InvalidArgumentError('a portable object needs a struct schema from defineStruct.');
    super(allocateHostBytes(schema.byteSize, hostOrQueue));
    this.fields = this.fieldsOverBuffer();
  }

  /** The struct's fields as properties over the buffer (throws after transfer()). */
  get value(): Record<string, number> {
    if (this.isMoved) throw new ProductMovedError(this.constructor.name);
    return this.fields;
  }

  protected override forgetDerivedState(): void {
    if (!this.isMoved) this.fields = this.fieldsOverBuffer();
  }

  /** Sets every byte to zero, now (host) or in queue order. */
  zeroInitialise(queue?: Queue): void {
    if (queue) fill(queue, this.buffer, 0);
    else this.buffer.hostArray().fill(0);
  }

  private fieldsOverBuffer(): Record<string, number> {
    const arrayBuffer = this.buffer.memory.hostArrayBuffer;
    if (!arrayBuffer) throw new Error('internal error: host object memory is not host-accessible');
    const value: Record<string, number> = {};
    for (const field of this.schema.fields) {
      const cell = new field.elementType.arrayConstructor(arrayBuffer, hostStart(this.buffer) + field.offset, 1);
      Object.defineProperty(value, field.name, {
        enumerable: true,
        get: () => cell[0],
        set: (next: number) => {
          cell[0] = next;
        },
      });
    }
    return Object.seal(value);
  }
}

/** One struct in a device's memory (CMSSW's PortableDeviceObject<T>), allocated in queue order. */
export class PortableDeviceObject extends PortableProduct {
  constructor(
    readonly schema: StructSchema,
    queue: Queue,
  ) {
    if (schema?.kind !== 'struct')
      throw new InvalidArgumentError('a portable object needs a struct schema from defineStruct.');
    if (queue.device.isHost)
      throw new InvalidArgumentError(
        `a device object of '${schema.name}' on the host: on host backends use PortableHostObject, or objectFor(queue, …).`,
      );
    super(allocAsyncBuf(queue, u8, schema.byteSize));
  }

  zeroInitialise(queue: Queue): void {
    memset(queue, this.buffer, 0);
  }
}

/** The object type for this backend: the host object on host backends, the device object on accelerators. */
export function objectFor(queue: Queue, schema: StructSchema): PortableHostObject | PortableDeviceObject {
  return queue.device.isHost ? new PortableHostObject(schema, queue) : new PortableDeviceObject(schema, queue);
}
