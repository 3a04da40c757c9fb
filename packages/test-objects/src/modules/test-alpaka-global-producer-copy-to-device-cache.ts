import type { ParameterSet } from '@alpaka-ts/core';
import { CopyToDeviceCache, type device } from '@alpaka-ts/core/alpaka';
import type { Buffer } from '@alpaka-ts/interface';
import { registerUpdateInfoCopies, UpdateInfoBuffer } from '../test-algo/update-info';
import { UpdateInfoProducer } from './update-info-producer';

/**
 * TestAlpakaGlobalProducerCopyToDeviceCache: update with the UpdateInfo of a
 * CopyToDeviceCache<host_buffer<UpdateInfo>>, made once from `x`, `y`, `z` and copied to every device.
 */
export class TestAlpakaGlobalProducerCopyToDeviceCache extends UpdateInfoProducer {
  // The buffer's CopyToDevice must be known before the cache copies it; idempotent.
  static {
    registerUpdateInfoCopies();
  }
  readonly #cache: CopyToDeviceCache<UpdateInfoBuffer>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const [x, y, z] = UpdateInfoProducer.updateInfoValues(parameters);
    const onHost = UpdateInfoBuffer.onHost(x, y, z);
    // A host buffer is not a portable product, so the cache is told how to copy it (CMSSW copies the buffer too).
    this.#cache = new CopyToDeviceCache(onHost, this, {
      copy: (original) => UpdateInfoBuffer.onHost(...UpdateInfoBuffer.values(original)),
    });
  }

  protected updateInfoOn(event: device.Event): Buffer {
    return this.#cache.get(event.queue()).buffer;
  }
}
