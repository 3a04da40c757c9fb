#!/usr/bin/env node
// Bundles run-test-alpaka-modules.ts (the configurations, the package's modules, the framework and the serial
// and CUDA backends) into .gpu/test-objects/dist/, copies the built CUDA addon where backend-cuda looks for it
// (../build/Release beside dist/) and packs this machine's Node (../shared/gpu/pack-node.sh), for a GPU machine
// without Node.js or node_modules. From the repository root: node packages/test-objects/gpu/bundle.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// esbuild is tsup's, not a dependency of its own.
const require = createRequire(createRequire(join(root, 'package.json')).resolve('tsup'));
const { build } = await import(require.resolve('esbuild'));
const bundle = join(root, '.gpu', 'test-objects');
await build({
  entryPoints: [fileURLToPath(new URL('./run-test-alpaka-modules.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: join(bundle, 'dist', 'run-test-alpaka-modules.mjs'),
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
console.log(`bundled into ${bundle}`);
