import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a throw-away packages/ folder: { 'folder/relative/path': content }. Returns its path. */
export function writePackagesFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'alpaka-tools-'));
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export const manifest = (name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name, type: 'module', ...extra });
