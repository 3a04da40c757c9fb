import { type ConfigurationDescriptions, ParameterSetDescription } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { host } from '@alpaka-ts/interface';
import { TestHostObject } from '../data-formats/test-objects';

/** The object it puts: TestStruct {6, 14, 15, 52}. */
export const implicitCopyToDeviceObject = Object.freeze({ x: 6, y: 14, z: 15, id: 52 });

/**
 * TestAlpakaGlobalProducerImplicitCopyToDevice: puts a host TestHostObject {6, 14, 15, 52}, once with the empty
 * instance and once with "instance". A device consumer gets the framework's implicit copy to its device.
 */
export class TestAlpakaGlobalProducerImplicitCopyToDevice extends global.EDProducer {
  readonly #token = this.produces(TestHostObject);
  readonly #instanceToken = this.produces(TestHostObject, 'instance');

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    descriptions.addWithDefaultLabel(new ParameterSetDescription());
  }

  produce(_streamID: number, event: device.Event): void {
    event.put(this.#token, hostObject());
    event.put(this.#instanceToken, hostObject());
  }
}

function hostObject(): TestHostObject {
  const object = new TestHostObject(host());
  Object.assign(object.value, implicitCopyToDeviceObject);
  return object;
}
