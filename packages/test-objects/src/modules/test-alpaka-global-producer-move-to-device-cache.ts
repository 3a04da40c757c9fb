import type { ParameterSet } from '@alpaka-ts/core';
import { type device, MoveToDeviceCache } from '@alpaka-ts/core/alpaka';
import type { Buffer } from '@alpaka-ts/interface';
import { host } from '@alpaka-ts/interface';
import { type PortableDeviceObject, PortableHostObject } from '@alpaka-ts/portable';
import { UpdateInfo } from '../test-algo/update-info';
import { UpdateInfoProducer } from './update-info-producer';

/**
 * TestAlpakaGlobalProducerMoveToDeviceCache: update with the UpdateInfo of a
 * MoveToDeviceCache<PortableHostObject<UpdateInfo>>, made once from `x`, `y`, `z` and moved to every device.
 */
export class TestAlpakaGlobalProducerMoveToDeviceCache extends UpdateInfoProducer {
  readonly #cache: MoveToDeviceCache<PortableHostObject, PortableDeviceObject>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const [x, y, z] = UpdateInfoProducer.updateInfoValues(parameters);
    const onHost = new PortableHostObject(UpdateInfo, host());
    Object.assign(onHost.value, { x, y, z });
    this.#cache = new MoveToDeviceCache(onHost, this);
  }

  protected updateInfoOn(event: device.Event): Buffer {
    return this.#cache.get(event.queue()).buffer;
  }
}
