import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import type { Device, Queue } from '@alpaka-ts/interface';
import {
  PortableDeviceCollection,
  PortableDeviceMultiCollection,
  PortableHostCollection,
  PortableHostMultiCollection,
} from '@alpaka-ts/portable';
import { AlpakaESTestSoAA, AlpakaESTestSoAC, AlpakaESTestSoAD } from './alpaka-es-test-soa';

// HeterogeneousCore/AlpakaTest/interface/{,alpaka/}AlpakaESTestData.h, the PortableCollection-based model: a
// host and a device class per layout (the EventSetup and the copies tell products apart by class).

/** cms::alpakatest::AlpakaESTestDataAHost: PortableHostCollection<AlpakaESTestSoAA>. */
export class AlpakaESTestDataAHost extends PortableHostCollection {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataAHost';
  constructor(size: number, hostOrQueue: Device | Queue) {
    super(AlpakaESTestSoAA, size, hostOrQueue);
  }
}

/** AlpakaESTestDataADevice: PortableCollection<AlpakaESTestSoAA> on a device. */
export class AlpakaESTestDataADevice extends PortableDeviceCollection {
  static readonly productTypeName = 'AlpakaESTestDataADevice';
  constructor(size: number, queue: Queue) {
    super(AlpakaESTestSoAA, size, queue);
  }
}

/** cms::alpakatest::AlpakaESTestDataCHost: PortableHostCollection<AlpakaESTestSoAC>. */
export class AlpakaESTestDataCHost extends PortableHostCollection {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataCHost';
  constructor(size: number, hostOrQueue: Device | Queue) {
    super(AlpakaESTestSoAC, size, hostOrQueue);
  }
}

/** AlpakaESTestDataCDevice: PortableCollection<AlpakaESTestSoAC> on a device. */
export class AlpakaESTestDataCDevice extends PortableDeviceCollection {
  static readonly productTypeName = 'AlpakaESTestDataCDevice';
  constructor(size: number, queue: Queue) {
    super(AlpakaESTestSoAC, size, queue);
  }
}

/** cms::alpakatest::AlpakaESTestDataDHost: PortableHostCollection<AlpakaESTestSoAD>. */
export class AlpakaESTestDataDHost extends PortableHostCollection {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataDHost';
  constructor(size: number, hostOrQueue: Device | Queue) {
    super(AlpakaESTestSoAD, size, hostOrQueue);
  }
}

/** AlpakaESTestDataDDevice: PortableCollection<AlpakaESTestSoAD> on a device. */
export class AlpakaESTestDataDDevice extends PortableDeviceCollection {
  static readonly productTypeName = 'AlpakaESTestDataDDevice';
  constructor(size: number, queue: Queue) {
    super(AlpakaESTestSoAD, size, queue);
  }
}

/** cms::alpakatest::AlpakaESTestDataACMultiHost: PortableHostMultiCollection<AlpakaESTestSoAA, AlpakaESTestSoAC>. */
export class AlpakaESTestDataACMultiHost extends PortableHostMultiCollection {
  static readonly productTypeName = 'cms::alpakatest::AlpakaESTestDataACMultiHost';
  constructor(sizes: readonly [number, number], hostOrQueue: Device | Queue) {
    super([AlpakaESTestSoAA, AlpakaESTestSoAC], sizes, hostOrQueue);
  }
}

/** AlpakaESTestDataACMultiDevice: PortableMultiCollection<AlpakaESTestSoAA, AlpakaESTestSoAC> on a device. */
export class AlpakaESTestDataACMultiDevice extends PortableDeviceMultiCollection {
  static readonly productTypeName = 'AlpakaESTestDataACMultiDevice';
  constructor(sizes: readonly [number, number], queue: Queue) {
    super([AlpakaESTestSoAA, AlpakaESTestSoAC], sizes, queue);
  }
}

/** The ES data types as alpaka modules name them (`AlpakaESTestDataADevice` in the accelerator namespace). */
export const AlpakaESTestDataA = alpakaProductType(AlpakaESTestDataAHost, AlpakaESTestDataADevice);
export const AlpakaESTestDataC = alpakaProductType(AlpakaESTestDataCHost, AlpakaESTestDataCDevice);
export const AlpakaESTestDataD = alpakaProductType(AlpakaESTestDataDHost, AlpakaESTestDataDDevice);
export const AlpakaESTestDataACMulti = alpakaProductType(AlpakaESTestDataACMultiHost, AlpakaESTestDataACMultiDevice);

/** D in the queue's memory space (what TestAlpakaESProducerD's device produce makes). */
export function alpakaESTestDataDFor(queue: Queue, size: number): AlpakaESTestDataDHost | AlpakaESTestDataDDevice {
  return queue.device.isHost ? new AlpakaESTestDataDHost(size, queue) : new AlpakaESTestDataDDevice(size, queue);
}
