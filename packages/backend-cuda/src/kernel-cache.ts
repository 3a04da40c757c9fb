import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where compiled kernels (cubins) are kept between runs: $ALPAKA_TS_CACHE_DIR, else
 * $XDG_CACHE_HOME/alpaka-ts/cuda, else ~/.cache/alpaka-ts/cuda. ALPAKA_TS_CACHE_DIR=off disables it.
 */
export function kernelCacheDirectory(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  if (environment.ALPAKA_TS_CACHE_DIR === 'off') return undefined;
  if (environment.ALPAKA_TS_CACHE_DIR) return join(environment.ALPAKA_TS_CACHE_DIR, 'cuda');
  return join(environment.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'alpaka-ts', 'cuda');
}

export function readCachedBinary(directory: string | undefined, key: string): ArrayBuffer | undefined {
  if (!directory) return undefined;
  try {
    const bytes = readFileSync(join(directory, `${key}.cubin`));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a binary. */
export function writeCachedBinary(directory: string | undefined, key: string, binary: ArrayBuffer): void {
  if (!directory) return;
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = join(directory, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, new Uint8Array(binary));
    renameSync(temporary, join(directory, `${key}.cubin`));
  } catch {
    // A read-only or full cache only costs a recompile next time.
  }
}
