#!/usr/bin/env node
// Checks the conventions of DESIGN.md that publint and attw do not: every package under packages/ is an
// ESM @alpaka-ts package with `types` first in each export, `files`, `sideEffects`, `engines`, a tsup
// config, src/index.ts, a test/ folder and a README that starts with its name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function exportConditionProblems(name, exportsField) {
  const problems = [];
  if (!exportsField || typeof exportsField !== 'object') return [`${name}: package.json has no "exports" map.`];
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (typeof target === 'string') {
      if (!subpath.endsWith('package.json'))
        problems.push(`${name}: export "${subpath}" is a bare path; give it { types, default }.`);
      continue;
    }
    const conditions = Object.keys(target);
    if (conditions[0] !== 'types')
      problems.push(
        `${name}: export "${subpath}" lists ${conditions[0]} before "types"; TypeScript reads the first match.`,
      );
  }
  return problems;
}

/**
 * What every loadable backend package exports (CONTRIBUTING.md, "Adding a backend"): the backend as its default
 * export, its accelerators acc1D, acc2D and acc3D, and nothing re-exported from the GPU kit, which is a package
 * of its own. Read from src/index.ts, so it needs no build.
 */
function backendShapeProblems(name, packageDirectory) {
  const indexPath = join(packageDirectory, 'src', 'index.ts');
  if (!existsSync(indexPath)) return [];
  const source = readFileSync(indexPath, 'utf8');
  const problems = [];
  if (!/^export default \w+;$/m.test(source))
    problems.push(`${name}: src/index.ts must export the backend as default.`);
  for (const accelerator of ['acc1D', 'acc2D', 'acc3D']) {
    if (!new RegExp(`export \\{[^}]*\\b${accelerator}\\b`).test(source))
      problems.push(`${name}: src/index.ts must export ${accelerator}.`);
  }
  if (/export [^;]*from '@alpaka-ts\/gpu-kit'/.test(source))
    problems.push(`${name}: src/index.ts re-exports the GPU kit; users import @alpaka-ts/gpu-kit themselves.`);
  return problems;
}

/** One line per problem found in the package folder; an empty list means the package has the agreed shape. */
export function checkPackageShape(packageDirectory, folderName) {
  const manifestPath = join(packageDirectory, 'package.json');
  if (!existsSync(manifestPath)) return [`packages/${folderName}: no package.json.`];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const name = manifest.name ?? `packages/${folderName}`;
  const problems = [];
  if (!/^@alpaka-ts\/[a-z0-9-]+$/.test(manifest.name ?? ''))
    problems.push(`${name}: the name must be @alpaka-ts/<name>.`);
  if (manifest.type !== 'module') problems.push(`${name}: "type" must be "module" (ESM only).`);
  if (!Array.isArray(manifest.files) || manifest.files.length === 0)
    problems.push(`${name}: "files" must list what is published.`);
  if (typeof manifest.sideEffects !== 'boolean' && !Array.isArray(manifest.sideEffects))
    problems.push(`${name}: declare "sideEffects".`);
  if (!manifest.engines?.node) problems.push(`${name}: declare "engines.node".`);
  problems.push(...exportConditionProblems(name, manifest.exports));
  for (const required of ['tsup.config.ts', 'tsconfig.json', 'src/index.ts', 'test', 'README.md']) {
    if (!existsSync(join(packageDirectory, required))) problems.push(`${name}: ${required} is missing.`);
  }
  if (/^@alpaka-ts\/backend-/.test(manifest.name ?? '')) problems.push(...backendShapeProblems(name, packageDirectory));
  const readmePath = join(packageDirectory, 'README.md');
  if (existsSync(readmePath) && !readFileSync(readmePath, 'utf8').startsWith(`# ${manifest.name}\n`)) {
    problems.push(`${name}: README.md must start with "# ${manifest.name}".`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packagesDirectory = fileURLToPath(new URL('../../packages/', import.meta.url));
  const problems = readdirSync(packagesDirectory)
    .filter((folder) => folder !== 'node_modules')
    .sort()
    .flatMap((folder) => checkPackageShape(join(packagesDirectory, folder), folder));
  for (const line of problems) console.error(`package shape: ${line}`);
  console.log(
    problems.length === 0
      ? 'package shape: every package has the agreed shape.'
      : `package shape: ${problems.length} problem(s).`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
