import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the cuda addon exports; the backend issue adds the device, memory and kernel entry points. */
export interface CudaNativeAddon {
  readonly abiVersion: string;
}

/** Either the loaded addon, or why it could not be loaded: importing the package never throws. */
export type NativeAddonStatus =
  | { readonly available: true; readonly addon: CudaNativeAddon; readonly path: string }
  | { readonly available: false; readonly reason: string };

/** The addon version this JavaScript expects; a stale build from an older install is refused. */
export const expectedAbiVersion = 'alpaka-ts.cuda-addon.1';

// src/ and dist/ both sit one level below the package root, where node-gyp writes build/.
const packageRoot = new URL('../', import.meta.url);

export function loadNativeAddon(buildDirectory: URL = new URL('build/', packageRoot)): NativeAddonStatus {
  const addonPath = fileURLToPath(new URL('Release/alpaka_cuda.node', buildDirectory));
  const failurePath = fileURLToPath(new URL('native-build-failure.txt', buildDirectory));
  if (existsSync(failurePath)) {
    return {
      available: false,
      reason: `the native addon failed to build at install time: ${readFileSync(failurePath, 'utf8').trim()}`,
    };
  }
  if (!existsSync(addonPath)) {
    return {
      available: false,
      reason: `the native addon is missing at ${addonPath}; reinstall the package with install scripts enabled (pnpm: add it to onlyBuiltDependencies).`,
    };
  }
  try {
    const addon = createRequire(import.meta.url)(addonPath) as CudaNativeAddon;
    if (addon.abiVersion !== expectedAbiVersion) {
      return {
        available: false,
        reason: `the native addon at ${addonPath} is version ${String(addon.abiVersion)}, this package needs ${expectedAbiVersion}; reinstall the package to rebuild it.`,
      };
    }
    return { available: true, addon, path: addonPath };
  } catch (error) {
    return {
      available: false,
      reason: `the native addon at ${addonPath} could not be loaded: ${(error as Error).message}`,
    };
  }
}
