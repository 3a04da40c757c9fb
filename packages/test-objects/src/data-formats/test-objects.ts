import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import { type Device, f64, i32, type Queue } from '@alpaka-ts/interface';
import { defineStruct, PortableDeviceObject, PortableHostObject } from '@alpaka-ts/portable';

// DataFormats/PortableTestObjects/interface/{TestStruct,TestHostObject,alpaka/TestDeviceObject}.h.

/** portabletest::TestStruct { double x, y, z; int32_t id; }. */
export const TestStruct = defineStruct('TestStruct', { x: f64, y: f64, z: f64, id: i32 });

/** portabletest::TestHostObject: PortableHostObject<TestStruct>. */
export class TestHostObject extends PortableHostObject {
  static readonly productTypeName = 'portabletest::TestHostObject';
  constructor(hostOrQueue: Device | Queue) {
    super(TestStruct, hostOrQueue);
  }
}

/** PortableObject<TestStruct> on a device. */
export class TestDeviceObject extends PortableDeviceObject {
  static readonly productTypeName = 'portabletest::TestDeviceObject';
  constructor(queue: Queue) {
    super(TestStruct, queue);
  }
}

export const TestObject = alpakaProductType(TestHostObject, TestDeviceObject);

/** The object in the queue's memory space. */
export function testObjectFor(queue: Queue): TestHostObject | TestDeviceObject {
  return queue.device.isHost ? new TestHostObject(queue) : new TestDeviceObject(queue);
}
