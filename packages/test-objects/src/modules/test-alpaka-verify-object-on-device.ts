import {
  type ConfigurationDescriptions,
  FrameworkError,
  type InputTag,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, stream } from '@alpaka-ts/core/alpaka';
import { allocAsyncBuf, allocBuf, type Buffer, bool, f64, host, i32, makeWorkDiv, memcpy } from '@alpaka-ts/interface';
import { boolProduct } from '../data-formats/bool-product';
import { TestObject, TestStruct } from '../data-formats/test-objects';
import { structField } from '../test-algo/struct-fields';
import { verifyDeviceObjectKernel } from './verify-device-object-kernel';

/**
 * TestAlpakaVerifyObjectOnDevice (SynchronizingEDProducer): acquire checks on the device that the TestObject of
 * `source` is {6, 14, 15, 52} and copies the verdict to a host bool; produce, once that has finished, throws
 * Assert "Device object verification failed" when it is false, and puts `true` otherwise.
 */
export class TestAlpakaVerifyObjectOnDevice extends stream.SynchronizingEDProducer {
  readonly #get;
  readonly #put = this.produces(boolProduct);
  #succeeded: Buffer<typeof bool> | undefined;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#get = this.consumes(TestObject, parameters.getParameter<InputTag>('source'));
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag');
    descriptions.addWithDefaultLabel(description);
  }

  async acquire(event: device.Event): Promise<void> {
    const bytes = event.get(this.#get).buffer;
    const queue = event.queue();
    const onDevice = queue.device.isHost ? allocBuf(queue.device, bool, 1) : allocAsyncBuf(queue, bool, 1);
    await queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, 1), verifyDeviceObjectKernel, {
      x: structField(bytes, TestStruct, 'x', f64),
      y: structField(bytes, TestStruct, 'y', f64),
      z: structField(bytes, TestStruct, 'z', f64),
      id: structField(bytes, TestStruct, 'id', i32),
      succeeded: onDevice,
    });
    let onHost = onDevice;
    if (!queue.device.isHost) {
      onHost = allocBuf(host(), bool, 1);
      memcpy(queue, onHost, onDevice);
    }
    this.#succeeded = onHost;
  }

  produce(event: device.Event): void {
    const succeeded = this.#succeeded?.hostArray()[0] === 1;
    this.#succeeded = undefined;
    if (!succeeded) throw new FrameworkError('Assert', 'Device object verification failed');
    event.put(this.#put, true);
  }
}
