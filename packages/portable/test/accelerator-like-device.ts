import { Device } from '@alpaka-ts/interface';
import { type DeviceV1, hostPlatformV1 } from '@alpaka-ts/interface/backend';

/**
 * An accelerator-like device whose memory happens to be host memory: isHost is false, so the copy paths
 * (CopyToDevice, CopyToHost, device collections) run for real without a GPU.
 */
export const acceleratorLikeDevice = Device.of(
  Object.assign(Object.create(hostPlatformV1.devices()[0] as DeviceV1), {
    isHost: false,
    name: 'test accelerator',
  }) as DeviceV1,
);
