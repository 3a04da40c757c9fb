import { deepCopy, PortableHostCollection, PortableHostMultiCollection, PortableHostObject } from '@alpaka-ts/portable';
import { FrameworkError } from '../errors/framework-error';
import { type AlpakaBackendOwner, MoveToDeviceCache } from './move-to-device-cache';

/** How to copy a host object that is not a portable product (CMSSW's copy constructor). */
export interface CopyToDeviceCacheOptions<Host> {
  readonly copy?: (host: Host) => Host;
}

/**
 * CMSSW's `cms::alpakatools::CopyToDeviceCache<TDevice, THostObject>`: MoveToDeviceCache for a host object the
 * caller keeps. The object is copied in host memory first (deepCopy for portable products, or the `copy`
 * option), so the caller may change or drop it as soon as the constructor returns, as after CMSSW's synchronous
 * copies; on host backends that copy is the cached data, on accelerators it is what is copied to the devices.
 * `get(queue | device)` and `ready` are MoveToDeviceCache's.
 */
export class CopyToDeviceCache<Host = unknown, OnDevice = Host> extends MoveToDeviceCache<Host, OnDevice> {
  constructor(host: Host, backend: AlpakaBackendOwner, options: CopyToDeviceCacheOptions<Host> = {}) {
    super(copyOfHostObject(host, options), backend);
  }
}

function copyOfHostObject<Host>(host: Host, options: CopyToDeviceCacheOptions<Host>): Host {
  if (options.copy !== undefined) return options.copy(host);
  let copy: PortableHostCollection | PortableHostMultiCollection | PortableHostObject;
  if (host instanceof PortableHostCollection) {
    copy = new PortableHostCollection(host.schema, host.size, host.buffer.device);
  } else if (host instanceof PortableHostMultiCollection) {
    copy = new PortableHostMultiCollection(host.schemas, host.sizes, host.buffer.device);
  } else if (host instanceof PortableHostObject) {
    copy = new PortableHostObject(host.schema, host.buffer.device);
  } else {
    const what = typeof host === 'object' && host !== null ? `a ${host.constructor.name}` : String(host);
    throw new FrameworkError(
      'LogicError',
      `CopyToDeviceCache copies portable host products by itself; to cache ${what}, pass { copy } (how to copy it), or hand it over with MoveToDeviceCache.`,
    );
  }
  deepCopy(copy, host);
  return copy as Host;
}
