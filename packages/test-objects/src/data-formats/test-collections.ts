import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import type { Device, Queue } from '@alpaka-ts/interface';
import {
  PortableDeviceCollection,
  PortableDeviceMultiCollection,
  PortableHostCollection,
  PortableHostMultiCollection,
} from '@alpaka-ts/portable';
import { TestSoA, TestSoA2, TestSoA3 } from './test-soa';

// DataFormats/PortableTestObjects/interface/{TestHostCollection,alpaka/TestDeviceCollection}.h. Each is a class of
// its own (not PortableHostCollection with a layout argument) because the framework tells products apart by
// their type: a producer puts a collection, a Multi2 and a Multi3 under the same label and instance, as CMSSW's
// TestAlpakaProducer does, and each needs its own CopyToHost that gives back this very class.

/** portabletest::TestHostCollection: PortableHostCollection<TestSoA>. */
export class TestHostCollection extends PortableHostCollection {
  static readonly productTypeName = 'portabletest::TestHostCollection';
  constructor(size: number, hostOrQueue: Device | Queue) {
    super(TestSoA, size, hostOrQueue);
  }
}

/** ALPAKA_ACCELERATOR_NAMESPACE::portabletest::TestDeviceCollection: PortableCollection<TestSoA> on a device. */
export class TestDeviceCollection extends PortableDeviceCollection {
  static readonly productTypeName = 'portabletest::TestDeviceCollection';
  constructor(size: number, queue: Queue) {
    super(TestSoA, size, queue);
  }
}

/** portabletest::TestHostMultiCollection2: PortableHostMultiCollection<TestSoA, TestSoA2>. */
export class TestHostMultiCollection2 extends PortableHostMultiCollection {
  static readonly productTypeName = 'portabletest::TestHostMultiCollection2';
  constructor(sizes: readonly [number, number], hostOrQueue: Device | Queue) {
    super([TestSoA, TestSoA2], sizes, hostOrQueue);
  }
}

/** PortableMultiCollection<TestSoA, TestSoA2> on a device. */
export class TestDeviceMultiCollection2 extends PortableDeviceMultiCollection {
  static readonly productTypeName = 'portabletest::TestDeviceMultiCollection2';
  constructor(sizes: readonly [number, number], queue: Queue) {
    super([TestSoA, TestSoA2], sizes, queue);
  }
}

/** portabletest::TestHostMultiCollection3: PortableHostMultiCollection<TestSoA, TestSoA2, TestSoA3>. */
export class TestHostMultiCollection3 extends PortableHostMultiCollection {
  static readonly productTypeName = 'portabletest::TestHostMultiCollection3';
  constructor(sizes: readonly [number, number, number], hostOrQueue: Device | Queue) {
    super([TestSoA, TestSoA2, TestSoA3], sizes, hostOrQueue);
  }
}

/** PortableMultiCollection<TestSoA, TestSoA2, TestSoA3> on a device. */
export class TestDeviceMultiCollection3 extends PortableDeviceMultiCollection {
  static readonly productTypeName = 'portabletest::TestDeviceMultiCollection3';
  constructor(sizes: readonly [number, number, number], queue: Queue) {
    super([TestSoA, TestSoA2, TestSoA3], sizes, queue);
  }
}

/** The collection types as alpaka modules name them (`portabletest::TestDeviceCollection` in the accelerator namespace). */
export const TestCollection = alpakaProductType(TestHostCollection, TestDeviceCollection);
export const TestMultiCollection2 = alpakaProductType(TestHostMultiCollection2, TestDeviceMultiCollection2);
export const TestMultiCollection3 = alpakaProductType(TestHostMultiCollection3, TestDeviceMultiCollection3);

/** The collection in the queue's memory space: the host collection on host backends, the device one elsewhere. */
export function testCollectionFor(queue: Queue, size: number): TestHostCollection | TestDeviceCollection {
  return queue.device.isHost ? new TestHostCollection(size, queue) : new TestDeviceCollection(size, queue);
}

export function testMultiCollection2For(
  queue: Queue,
  sizes: readonly [number, number],
): TestHostMultiCollection2 | TestDeviceMultiCollection2 {
  return queue.device.isHost
    ? new TestHostMultiCollection2(sizes, queue)
    : new TestDeviceMultiCollection2(sizes, queue);
}

export function testMultiCollection3For(
  queue: Queue,
  sizes: readonly [number, number, number],
): TestHostMultiCollection3 | TestDeviceMultiCollection3 {
  return queue.device.isHost
    ? new TestHostMultiCollection3(sizes, queue)
    : new TestDeviceMultiCollection3(sizes, queue);
}
