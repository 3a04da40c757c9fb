import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import { type Device, type KernelViewArgument, memcpy, type Queue } from '@alpaka-ts/interface';
import { PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { AlpakaESTestSoAE, AlpakaESTestSoAEData } from './alpaka-es-test-soa';

// HeterogeneousCore/AlpakaTest/interface/AlpakaESTestData.h: AlpakaESTestDataE<TDev>, two collections where each
// row of `e` points into `data` through `ind`. Its ConstView reads through that indirection: size() = e's size,
// val(i) = (int) e.val(i), val2(i) = (int) data.val2(e.ind(i)). Kernels cannot take a C++ view class, so they
// take the two views (`constViews()`) and apply the same rule (see test-algo's update kernels); the host form
// has the rule as methods for host code and tests.

/** The kernel arguments of E's ConstView: the views of `e` and of `data`. */
export interface AlpakaESTestDataEViews {
  readonly e: KernelViewArgument;
  readonly data: KernelViewArgument;
}

/** cms::alpakatest::AlpakaESTestDataEHost: AlpakaESTestDataE<DevHost>. */
export class AlpakaESTestDataEHost {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataEHost';
  readonly e: PortableHostCollection;
  readonly data: PortableHostCollection;

  constructor(e: PortableHostCollection, data: PortableHostCollection);
  constructor(size: number, dataSize: number, hostOrQueue: Device | Queue);
  constructor(
    eOrSize: PortableHostCollection | number,
    dataOrSize: PortableHostCollection | number,
    hostOrQueue?: Device | Queue,
  ) {
    if (typeof eOrSize === 'number' || typeof dataOrSize === 'number') {
      const where = hostOrQueue as Device | Queue;
      this.e = new PortableHostCollection(AlpakaESTestSoAE, eOrSize as number, where);
      this.data = new PortableHostCollection(AlpakaESTestSoAEData, dataOrSize as number, where);
    } else {
      this.e = eOrSize;
      this.data = dataOrSize;
    }
  }

  /** ConstView::size(): the rows of `e`. */
  get size(): number {
    return this.e.size;
  }

  /** ConstView::val(i): e.val(i) converted to int. */
  val(i: number): number {
    return Math.trunc(this.#column(this.e, 'val')[i] as number);
  }

  /** ConstView::val2(i): data.val2(e.ind(i)) converted to int. */
  val2(i: number): number {
    const index = this.#column(this.e, 'ind')[i] as number;
    return Math.trunc(this.#column(this.data, 'val2')[index] as number);
  }

  constViews(): AlpakaESTestDataEViews {
    return { e: this.e.constView(), data: this.data.constView() };
  }

  #column(collection: PortableHostCollection, name: string): ArrayLike<number> {
    const column = collection.constView().columns[name];
    if (column === undefined) throw new Error(`internal error: AlpakaESTestDataE has no column ${name}`);
    return column as ArrayLike<number>;
  }
}

/** AlpakaESTestDataEDevice: AlpakaESTestDataE<Device>, the two collections in a device's memory. */
export class AlpakaESTestDataEDevice {
  static readonly productTypeName = 'AlpakaESTestDataEDevice';
  readonly e: PortableDeviceCollection;
  readonly data: PortableDeviceCollection;

  constructor(e: PortableDeviceCollection, data: PortableDeviceCollection) {
    this.e = e;
    this.data = data;
  }

  get size(): number {
    return this.e.size;
  }

  constViews(): AlpakaESTestDataEViews {
    return { e: this.e.constView(), data: this.data.constView() };
  }
}

export const AlpakaESTestDataE = alpakaProductType(AlpakaESTestDataEHost, AlpakaESTestDataEDevice);

/** CMSSW's CopyToDevice<AlpakaESTestDataEHost>: each collection copied with one memcpy of its buffer. */
export function copyAlpakaESTestDataEToDevice(queue: Queue, source: AlpakaESTestDataEHost): AlpakaESTestDataEDevice {
  const e = new PortableDeviceCollection(AlpakaESTestSoAE, source.e.size, queue);
  const data = new PortableDeviceCollection(AlpakaESTestSoAEData, source.data.size, queue);
  memcpy(queue, e.buffer, source.e.buffer);
  memcpy(queue, data.buffer, source.data.buffer);
  return new AlpakaESTestDataEDevice(e, data);
}
