#!/usr/bin/env node
// Bundles a GPU script with its workspace dependencies into .gpu/bundle/dist/ (node_modules is too large to
// send), copies the built cuda addon where the bundle looks for it (../build/Release beside dist/), and packs
// this machine's Node (../shared/gpu/pack-node.sh). Usage: node tools/gpu/bundle-for-gpu.mjs tools/gpu/run-cuda-conformance.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = process.argv[2] ?? 'tools/gpu/run-cuda-conformance.mjs';
const bundle = join(root, '.gpu', 'bundle');
// The workspace's packages by name, for scripts under tools/ (the root package depends on few of them, and adding
// them there would change what the packages' own tests resolve): a folder of links esbuild searches last.
const workspace = join(tmpdir(), 'alpaka-ts-gpu-workspace-packages');
rmSync(workspace, { recursive: true, force: true });
for (const folder of readdirSync(join(root, 'packages'))) {
  let name;
  try {
    name = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')).name;
  } catch {
    continue;
  }
  mkdirSync(dirname(join(workspace, name)), { recursive: true });
  symlinkSync(join(root, 'packages', folder), join(workspace, name));
}
await build({
  nodePaths: [workspace],
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: join(bundle, 'dist', basename(entry).replace(/\.m?js$/, '.mjs')),
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __alpakaCreateRequire } from 'node:module'; const require = __alpakaCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
mkdirSync(join(bundle, 'build', 'Release'), { recursive: true });
copyFileSync(
  join(root, 'packages/backend-cuda/build/Release/alpaka_cuda.node'),
  join(bundle, 'build', 'Release', 'alpaka_cuda.node'),
);
execFileSync('bash', [join(root, '../shared/gpu/pack-node.sh'), join(root, '.gpu')], { stdio: 'inherit' });
console.log(`bundled ${entry} into ${bundle}`);
