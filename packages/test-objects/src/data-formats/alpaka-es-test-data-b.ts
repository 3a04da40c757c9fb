import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import {
  allocAsyncBuf,
  allocBuf,
  asConst,
  type Buffer,
  getExtentProduct,
  host,
  i32,
  memcpy,
  type Queue,
} from '@alpaka-ts/interface';

// HeterogeneousCore/AlpakaTest/interface/AlpakaESTestData.h, the template-over-device model: an int buffer in a
// device's memory, AlpakaESTestDataB<TDev>. C++ instantiates it per device type; here the host and the device
// instantiations are two classes, so the EventSetup tells them apart, and the host one has its own
// CopyToDevice (registered in es-test-copies.ts), as CMSSW specialises CopyToDevice for it.

abstract class IntBuffer {
  readonly #buffer: Buffer<typeof i32>;
  constructor(buffer: Buffer<typeof i32>) {
    this.#buffer = buffer;
  }
  buffer(): Buffer<typeof i32> {
    return this.#buffer;
  }
  constBuffer(): Buffer<typeof i32> {
    return asConst(this.#buffer);
  }
  /** The number of ints (alpaka::getExtentProduct of the buffer). */
  get size(): number {
    return getExtentProduct(this.#buffer.extents);
  }
}

/** cms::alpakatest::AlpakaESTestDataB<DevHost>: the ints on the host; `hostArray()` of its buffer reads them. */
export class AlpakaESTestDataBHost extends IntBuffer {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataB<alpaka::DevCpu>';
  /** A buffer of `size` ints in host memory. */
  static allocate(size: number): AlpakaESTestDataBHost {
    return new AlpakaESTestDataBHost(allocBuf(host(), i32, size));
  }
}

/** cms::alpakatest::AlpakaESTestDataB<Device>: the ints in a device's memory. */
export class AlpakaESTestDataBDevice extends IntBuffer {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataB<Device>';
}

/** AlpakaESTestDataB<Device> as alpaka modules name it: the host form on host backends. */
export const AlpakaESTestDataB = alpakaProductType(AlpakaESTestDataBHost, AlpakaESTestDataBDevice);

/** CMSSW's CopyToDevice<AlpakaESTestDataB<DevHost>>: a device buffer of the same size, one memcpy. */
export function copyAlpakaESTestDataBToDevice(queue: Queue, source: AlpakaESTestDataBHost): AlpakaESTestDataBDevice {
  const buffer = allocAsyncBuf(queue, i32, source.size);
  memcpy(queue, buffer, source.constBuffer());
  return new AlpakaESTestDataBDevice(buffer);
}
