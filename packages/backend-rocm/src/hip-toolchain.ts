import { withDriverTrace } from '@alpaka-ts/gpu-kit';
import { hipRuntimeCandidates, hiprtcCandidates } from './library-search';
import { loadNativeAddon, type RocmNativeAddon } from './native-addon';

/** The HIP libraries this process loaded (whether or not there is an AMD GPU), or why they could not be. */
export type HipToolchain =
  | {
      readonly available: true;
      readonly addon: RocmNativeAddon;
      readonly addonPath: string;
      readonly runtimePath: string;
      /** hipRuntimeGetVersion's number (50221153) and as text ("5.2.21153"). */
      readonly runtimeVersion: number;
      readonly hipVersion: string;
      readonly deviceCount: number;
      /** Why hipInit or the device count failed: with no AMD GPU or driver. */
      readonly initError: string | undefined;
      readonly hiprtcPath: string;
      readonly hiprtcVersion: string;
    }
  | { readonly available: false; readonly reason: string };

/** HIP's version number (major × 10^7 + minor × 10^5 + patch) as text. */
export function hipVersionText(version: number): string {
  const major = Math.floor(version / 10_000_000);
  const minor = Math.floor(version / 100_000) % 100;
  return `${major}.${minor}.${version % 100_000}`;
}

let toolchain: HipToolchain | undefined;

/** Loads the addon, libamdhip64 (hipInit included) and hiprtc, once per process. Never throws. */
export function hipToolchain(environment: NodeJS.ProcessEnv = process.env): HipToolchain {
  toolchain ??= loadToolchain(environment);
  return toolchain;
}

function loadToolchain(environment: NodeJS.ProcessEnv): HipToolchain {
  const status = loadNativeAddon();
  if (!status.available) return { available: false, reason: status.reason };
  let addon = status.addon;
  try {
    // ALPAKA_TS_TRACE_DRIVER traces every call (gpu-kit's driver-call-trace.ts), to find where a GPU job hangs;
    // a trace file that cannot be opened makes the backend unavailable, saying why.
    addon = withDriverTrace(status.addon, environment.ALPAKA_TS_TRACE_DRIVER);
    const failures: string[] = [];
    for (const runtimePath of hipRuntimeCandidates(environment)) {
      const runtime = addon.loadRuntime(runtimePath);
      if (!runtime.loaded) {
        failures.push(`${runtimePath}: ${runtime.reason}`);
        continue;
      }
      const runtimeVersion = runtime.runtimeVersion ?? 0;
      const hipVersion = hipVersionText(runtimeVersion);
      const hiprtcFailures: string[] = [];
      for (const hiprtcPath of hiprtcCandidates(runtimePath, Math.floor(runtimeVersion / 10_000_000))) {
        const hiprtc = addon.loadHiprtc(hiprtcPath);
        if (!hiprtc.loaded) {
          hiprtcFailures.push(`${hiprtcPath}: ${hiprtc.reason}`);
          continue;
        }
        return {
          available: true,
          addon,
          addonPath: status.path,
          runtimePath,
          runtimeVersion,
          hipVersion,
          deviceCount: runtime.deviceCount ?? 0,
          initError: runtime.initError,
          hiprtcPath,
          hiprtcVersion: hiprtc.version ?? 'unknown',
        };
      }
      return {
        available: false,
        reason: `hiprtc (HIP's run-time compiler) was not found for HIP ${hipVersion} from ${runtimePath} (${hiprtcFailures.join('; ')}); install ROCm's hiprtc (libhiprtc) of the same release.`,
      };
    }
    return {
      available: false,
      reason: `libamdhip64 (the HIP runtime) was not found or failed to load (${failures.join('; ')}); install ROCm, or Debian's libamdhip64-5, or set ROCM_PATH or LD_LIBRARY_PATH to ROCm's lib folder.`,
    };
  } catch (error) {
    return { available: false, reason: `initialising HIP failed: ${(error as Error).message}` };
  }
}
