import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childrenMatching, existingLibraries } from '@alpaka-ts/gpu-kit';

const runtimeNames = ['libamdhip64.so.6', 'libamdhip64.so.5', 'libamdhip64.so'];

/** Folders that may hold ROCm's libraries, in the order tried: ROCM_PATH, HIP_PATH, LD_LIBRARY_PATH, /opt/rocm*. */
export function rocmSearchFolders(environment: NodeJS.ProcessEnv = process.env): string[] {
  const folders: string[] = [];
  for (const prefix of [environment.ROCM_PATH, environment.HIP_PATH]) if (prefix) folders.push(join(prefix, 'lib'));
  for (const folder of (environment.LD_LIBRARY_PATH ?? '').split(':')) if (folder) folders.push(folder);
  folders.push('/opt/rocm/lib', ...childrenMatching('/opt', /^rocm-[0-9.]+$/).map((prefix) => join(prefix, 'lib')));
  return [...new Set(folders)];
}

/** Files in the search folders, then the bare names (the system's loader finds Debian's in /usr/lib). */
function candidates(names: readonly string[], environment: NodeJS.ProcessEnv): string[] {
  return [...existingLibraries(rocmSearchFolders(environment), names), ...names];
}

/** libamdhip64 (the HIP runtime) to try, best first. */
export const hipRuntimeCandidates = (environment: NodeJS.ProcessEnv = process.env): string[] =>
  candidates(runtimeNames, environment);

/**
 * hiprtc to try with the runtime at runtimePath, best first: libhiprtc of the same release (its own library from
 * ROCm 5.3 on) beside the runtime or, for a runtime found by the system's loader, by name; then the runtime
 * itself, which holds hiprtc up to ROCm 5.2 (Debian's libamdhip64-5).
 */
export function hiprtcCandidates(runtimePath: string, hipMajorVersion: number): string[] {
  const names = [`libhiprtc.so.${hipMajorVersion}`, 'libhiprtc.so'];
  const folder = runtimePath.includes('/') ? dirname(runtimePath) : undefined;
  const beside = folder ? names.map((name) => join(folder, name)).filter((path) => existsSync(path)) : names;
  return [...beside, runtimePath];
}
