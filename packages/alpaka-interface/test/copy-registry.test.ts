import { describe, expect, it } from 'vitest';
import { type DeviceV1, hostPlatformV1 } from '../src/for-backends';
import {
  copyToDevice,
  copyToHost,
  Device,
  findCopyToHost,
  host,
  InvalidArgumentError,
  registerCopyToDevice,
  registerCopyToHost,
} from '../src/index';

class DeviceTracks {
  constructor(readonly count: number) {}
}
class DeviceVertices extends DeviceTracks {}
class HostTracks {
  constructor(
    readonly count: number,
    public finalised = false,
  ) {}
}
class Unregistered {}

// A queue of a pretend accelerator device: only isHost and wait() matter to the copy helpers.
const hostDevice = hostPlatformV1.devices()[0] as DeviceV1;
const fakeAccelerator = Device.of(
  Object.assign(Object.create(hostDevice), { isHost: false, name: 'fake accelerator' }) as DeviceV1,
);

describe('the CopyToHost / CopyToDevice registry', () => {
  const log: string[] = [];
  registerCopyToHost(DeviceTracks, {
    copyAsync: (_queue, source) => {
      log.push('copy');
      return new HostTracks(source.count);
    },
    postCopy: (product: HostTracks) => {
      log.push('postCopy');
      product.finalised = true;
    },
  });
  registerCopyToDevice(HostTracks, { copyAsync: (_queue, source) => new DeviceTracks(source.count) });

  it('finds the copy of a class and of its subclasses', () => {
    expect(findCopyToHost(new DeviceTracks(1))).toBeDefined();
    expect(findCopyToHost(new DeviceVertices(1))).toBe(findCopyToHost(new DeviceTracks(1)));
    expect(findCopyToHost(new Unregistered())).toBeUndefined();
  });

  it('copies to the host and runs postCopy after the queue finished, on a device queue', async () => {
    log.length = 0;
    const queue = fakeAccelerator.createQueue({ blocking: false });
    const result = await copyToHost<HostTracks>(queue, new DeviceTracks(7));
    expect(result).toEqual(new HostTracks(7, true));
    expect(log).toEqual(['copy', 'postCopy']);
  });

  it('copies nothing and skips postCopy on a host queue', async () => {
    log.length = 0;
    const product = new DeviceTracks(3);
    expect(await copyToHost(host().createQueue(), product)).toBe(product);
    expect(copyToDevice(host().createQueue(), product)).toBe(product);
    expect(log).toEqual([]);
  });

  it('copies to a device with the registered CopyToDevice', () => {
    expect(copyToDevice(fakeAccelerator.createQueue(), new HostTracks(4))).toEqual(new DeviceTracks(4));
  });

  it('says what to register when a class has no copy, and refuses a second different copy', async () => {
    await expect(copyToHost(fakeAccelerator.createQueue(), new Unregistered())).rejects.toThrow(
      'no CopyToHost is registered for Unregistered; register one with registerCopyToHost.',
    );
    expect(() => registerCopyToDevice(HostTracks, { copyAsync: () => new DeviceTracks(0) })).toThrow(
      InvalidArgumentError,
    );
  });
});
