#!/usr/bin/env node
// Fails when a package's published code (src/ and its package.json dependencies) reaches a workspace
// package that DESIGN.md's dependency direction does not allow. Tests may import more (devDependencies).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { allowedWorkspaceDependencies, layeredScopes } from './dependency-rules.mjs';

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** The package name an import specifier refers to, or undefined for relative and built-in imports. */
export function packageNameOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module specifier a file imports: static imports, re-exports, dynamic import() and require(). */
export function importedSpecifiers(sourceText) {
  const info = ts.preProcessFile(sourceText, true, true);
  return info.importedFiles.map((file) => file.fileName);
}

function* sourceFiles(directory) {
  if (!existsSync(directory)) return;
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (sourceExtensions.some((extension) => entry.endsWith(extension))) yield path;
  }
}

const isLayered = (name) => layeredScopes.some((scope) => name.startsWith(scope));

/**
 * Checks every folder under packagesDirectory. Returns one human-readable line per violation,
 * each naming the package, the file or manifest field, and the forbidden dependency.
 */
export function checkLayering(packagesDirectory, rules = allowedWorkspaceDependencies) {
  const violations = [];
  for (const folder of readdirSync(packagesDirectory).sort()) {
    const manifestPath = join(packagesDirectory, folder, 'package.json');
    if (folder === 'node_modules' || !existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const allowed = rules[manifest.name];
    if (!allowed) {
      violations.push(
        `${manifest.name} (packages/${folder}) has no entry in tools/layering/dependency-rules.mjs: add one.`,
      );
      continue;
    }
    const allowedSet = new Set([manifest.name, ...allowed]);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const dependency of Object.keys(manifest[field] ?? {})) {
        if (isLayered(dependency) && !allowedSet.has(dependency)) {
          violations.push(
            `${manifest.name}: package.json ${field} names ${dependency}, which DESIGN.md's dependency direction forbids.`,
          );
        }
      }
    }
    const sourceDirectory = join(packagesDirectory, folder, 'src');
    for (const file of sourceFiles(sourceDirectory)) {
      for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const name = packageNameOf(specifier);
        if (name && isLayered(name) && !allowedSet.has(name)) {
          violations.push(
            `${manifest.name}: ${relative(packagesDirectory, file)} imports ${specifier}, which DESIGN.md's dependency direction forbids.`,
          );
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packagesDirectory = fileURLToPath(new URL('../../packages/', import.meta.url));
  const violations = checkLayering(packagesDirectory);
  for (const line of violations) console.error(`layering: ${line}`);
  console.log(
    violations.length === 0
      ? 'layering: every package follows the dependency direction.'
      : `layering: ${violations.length} violation(s).`,
  );
  process.exit(violations.length === 0 ? 0 : 1);
}
