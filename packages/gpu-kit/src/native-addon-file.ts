import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Either the loaded addon, or why it could not be loaded: importing a backend never throws. */
export type NativeAddonStatus<Addon> =
  | { readonly available: true; readonly addon: Addon; readonly path: string }
  | { readonly available: false; readonly reason: string };

/**
 * Loads a backend's addon from the build/ folder node-gyp wrote at install time (scripts/build-native.mjs),
 * refusing a recorded build failure, a missing file and a stale build of another ABI version, each with what
 * to do about it.
 */
export function loadNativeAddonFile<Addon extends { readonly abiVersion: string }>(
  buildDirectory: URL,
  fileName: string,
  expectedAbiVersion: string,
): NativeAddonStatus<Addon> {
  const addonPath = fileURLToPath(new URL(`Release/${fileName}`, buildDirectory));
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
    const addon = createRequire(import.meta.url)(addonPath) as Addon;
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
