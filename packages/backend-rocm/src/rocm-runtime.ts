import { type GpuDeviceProperties, type GpuRuntime, HostCallbacks } from '@alpaka-ts/gpu-kit';
import { hiprtcTargetCheck } from './hip-targets';
import { type HipToolchain, hipToolchain } from './hip-toolchain';

/** The libraries as probe() and errors name them. */
export const describeToolchain = (toolchain: Extract<HipToolchain, { available: true }>): string =>
  `HIP ${toolchain.hipVersion} from ${toolchain.runtimePath}, hiprtc ${toolchain.hiprtcVersion} from ${toolchain.hiprtcPath}`;

/** The check that refuses targets the loaded hiprtc does not know, before it is called. */
export const targetCheckOf = (toolchain: Extract<HipToolchain, { available: true }>): ((target: string) => void) =>
  hiprtcTargetCheck(
    toolchain.addonPath,
    toolchain.hiprtcPath,
    toolchain.runtimeVersion,
    `hiprtc ${toolchain.hiprtcVersion} of HIP ${toolchain.hipVersion} (${toolchain.hiprtcPath})`,
  );

/** What a compiled code object depends on besides source, options and target: the HIP and hiprtc versions. */
export const versionsOf = (toolchain: Extract<HipToolchain, { available: true }>) => ({
  hip: toolchain.runtimeVersion,
  hiprtc: toolchain.hiprtcVersion,
});

/**
 * The HIP stack with its devices, for rocm_async; unavailable, saying which library was loaded, when there is no
 * AMD GPU. Never throws.
 */
export function rocmRuntime(): GpuRuntime {
  const toolchain = hipToolchain();
  if (!toolchain.available) return toolchain;
  if (toolchain.deviceCount === 0) {
    return {
      available: false,
      reason: `no AMD GPU found (${toolchain.initError ?? 'hipGetDeviceCount: 0 devices'}); loaded ${describeToolchain(toolchain)}`,
    };
  }
  const { addon } = toolchain;
  try {
    const devices: GpuDeviceProperties[] = Array.from({ length: toolchain.deviceCount }, (_, index) =>
      addon.deviceProperties(index),
    );
    const names = devices
      .map((device, index) => `${index}: ${device.name} (${device.architecture}, warp ${device.warpSize})`)
      .join(', ');
    return {
      available: true,
      addon,
      devices,
      hostCallbacks: new HostCallbacks(addon),
      versions: versionsOf(toolchain),
      description: `${devices.length} GPU(s) [${names}], ${describeToolchain(toolchain)}`,
      checkTarget: targetCheckOf(toolchain),
    };
  } catch (error) {
    return { available: false, reason: `reading the AMD GPUs' properties failed: ${(error as Error).message}` };
  }
}
