import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes an application folder with node_modules/<name>/{package.json,index.js} for each given package
 * and returns the folder's URL, to resolve backend packages "from" it.
 */
export function applicationWithPackages(packages: Record<string, string>): URL {
  const root = mkdtempSync(join(tmpdir(), 'alpaka-app-'));
  for (const [name, source] of Object.entries(packages)) {
    const folder = join(root, 'node_modules', ...name.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, type: 'module', exports: './index.js' }));
    writeFileSync(join(folder, 'index.js'), source);
  }
  return pathToFileURL(`${root}/`);
}
