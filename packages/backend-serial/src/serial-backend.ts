import { acceleratorOf, type BackendV1 } from '@alpaka-ts/interface';
import { hostPlatformV1, specificationVersion } from '@alpaka-ts/interface/backend';
import { launchCompiled } from './compiled-launch';
import { serialLimits } from './serial-limits';

/** serial_sync: the host CPU as one device, one thread per block, kernels compiled to JavaScript and run in the calling thread. */
export const serialBackend: BackendV1 = Object.freeze<BackendV1>({
  specificationVersion,
  name: 'serial_sync',
  accelerator: 'cpu',
  acceleratorTypeName: 'AccCpuSerial',
  runsOnHost: true,
  probe: () => ({ available: true, reason: 'the host CPU is always available' }),
  platform: () => hostPlatformV1,
  limits: () => serialLimits,
  launch: launchCompiled,
});

/** The serial accelerator in 1, 2 and 3 dimensions (CMSSW's Acc1D, Acc2D, Acc3D for alpaka_serial_sync). */
export const acc1D = acceleratorOf(serialBackend, 1);
export const acc2D = acceleratorOf(serialBackend, 2);
export const acc3D = acceleratorOf(serialBackend, 3);
