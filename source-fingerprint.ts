import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A hash of every file under a package's src/, in a stable order. Packages see it as the constant
 * __ALPAKA_TS_SOURCE_FINGERPRINT__ (defined by tsup when built and by vitest when tested from source); the
 * kernel compiler puts it in its cache keys, so binaries cached by one build of the compiler are never
 * taken for another's.
 */
export function sourceFingerprint(sourceFolder: string): string {
  const hash = createHash('sha256');
  // A project without src/ (the workspace's tools) hashes to the empty fingerprint.
  if (!existsSync(sourceFolder)) return hash.digest('hex').slice(0, 32);
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(relative(sourceFolder, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  visit(sourceFolder);
  return hash.digest('hex').slice(0, 32);
}
