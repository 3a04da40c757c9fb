import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BoundsSite } from '@alpaka-ts/kernel-compiler';

/**
 * Where one backend's compiled kernels are kept between runs (folder: "cuda", "rocm"): under
 * $ALPAKA_TS_CACHE_DIR, else $XDG_CACHE_HOME/alpaka-ts, else ~/.cache/alpaka-ts. ALPAKA_TS_CACHE_DIR=off
 * disables it.
 */
export function kernelCacheDirectory(folder: string, environment: NodeJS.ProcessEnv = process.env): string | undefined {
  if (environment.ALPAKA_TS_CACHE_DIR === 'off') return undefined;
  if (environment.ALPAKA_TS_CACHE_DIR) return join(environment.ALPAKA_TS_CACHE_DIR, folder);
  return join(environment.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'alpaka-ts', folder);
}

/** A compiled kernel's code object (extension: "cubin", "hsaco"), or undefined when not cached. */
export function readCachedBinary(
  directory: string | undefined,
  key: string,
  extension: string,
): ArrayBuffer | undefined {
  const bytes = readCachedFile(directory, `${key}.${extension}`);
  return bytes?.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer | undefined;
}

export function writeCachedBinary(
  directory: string | undefined,
  key: string,
  extension: string,
  binary: ArrayBuffer,
): void {
  writeCachedFile(directory, `${key}.${extension}`, new Uint8Array(binary));
}

/**
 * What a cache hit needs to know of a compiled kernel without running the compiler, stored beside the
 * binaries under the kernel's source key (kernelSourceKey): the binary's key, its entry point, whether it
 * takes a check buffer, and for a bounds-checked variant its access sites (so a violation read back from the
 * device is named without parsing or emitting the kernel again).
 */
export interface KernelManifest {
  readonly binaryKey: string;
  readonly entry: string;
  readonly usesChecks: boolean;
  /** Present for bounds-checked variants only: each site by the number its bounds record holds. */
  readonly boundsSites?: readonly BoundsSite[];
}

const isBoundsSite = (site: unknown): site is BoundsSite =>
  typeof site === 'object' &&
  site !== null &&
  typeof (site as BoundsSite).target === 'string' &&
  typeof (site as BoundsSite).signedIndex === 'boolean';

export function readKernelManifest(directory: string | undefined, sourceKey: string): KernelManifest | undefined {
  const bytes = readCachedFile(directory, `${sourceKey}.kernel.json`);
  if (!bytes) return undefined;
  try {
    const manifest = JSON.parse(bytes.toString('utf8')) as Partial<KernelManifest>;
    if (
      typeof manifest.binaryKey === 'string' &&
      /^[0-9a-f]{64}$/.test(manifest.binaryKey) &&
      typeof manifest.entry === 'string' &&
      typeof manifest.usesChecks === 'boolean'
    ) {
      const { binaryKey, entry, usesChecks, boundsSites } = manifest;
      if (boundsSites === undefined) return { binaryKey, entry, usesChecks };
      if (Array.isArray(boundsSites) && boundsSites.every(isBoundsSite))
        return {
          binaryKey,
          entry,
          usesChecks,
          boundsSites: boundsSites.map(({ target, signedIndex }) => ({ target, signedIndex })),
        };
    }
  } catch {
    // A damaged manifest is a miss: the kernel is compiled again and the manifest rewritten.
  }
  return undefined;
}

export function writeKernelManifest(directory: string | undefined, sourceKey: string, manifest: KernelManifest): void {
  writeCachedFile(directory, `${sourceKey}.kernel.json`, new TextEncoder().encode(JSON.stringify(manifest)));
}

function readCachedFile(directory: string | undefined, name: string): Buffer | undefined {
  if (!directory) return undefined;
  try {
    return readFileSync(join(directory, name));
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeCachedFile(directory: string | undefined, name: string, bytes: Uint8Array): void {
  if (!directory) return;
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = join(directory, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, join(directory, name));
  } catch {
    // A read-only or full cache only costs a recompile next time.
  }
}
