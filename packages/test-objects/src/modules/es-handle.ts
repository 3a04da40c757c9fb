import { type ESGetToken, Handle, isFrameworkError } from '@alpaka-ts/core';
import type { device } from '@alpaka-ts/core/alpaka';

/**
 * CMSSW's `device::EventSetup::getHandle(token)`, which @alpaka-ts/core does not have (its EventSetup only has
 * `get`): a product no ES module delivers gives an invalid handle that throws the NoProductResolverException
 * when dereferenced; a product whose producer made nothing (MakeDataException) or that failed throws at once,
 * as CMSSW's getHandle does once a resolver exists.
 */
export function getESHandle<T>(eventSetup: device.EventSetup, token: device.ESGetToken<T> | ESGetToken<T>): Handle<T> {
  try {
    return new Handle<T>(eventSetup.get(token), undefined);
  } catch (thrown) {
    if (isFrameworkError(thrown) && thrown.category === 'NoProductResolverException') {
      return new Handle<T>(undefined, () => thrown);
    }
    throw thrown;
  }
}
