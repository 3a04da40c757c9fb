#!/usr/bin/env node
// Builds a GPU backend's native addon during `pnpm install` (the backend's install script runs this bin in its
// own folder), against the headers of the Node that runs the install (<prefix>/include/node), so node-gyp
// downloads nothing. A failed build must not fail the install:
// the reason is written to build/native-build-failure.txt, and the package then reports itself
// unavailable with that reason (src/native-addon.ts) instead of throwing at import.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// npm and pnpm run install scripts in the installing package's folder: that is the addon to build.
const packageRoot = process.cwd();
const failureFile = join(packageRoot, 'build', 'native-build-failure.txt');
const nodeDirectory = join(dirname(process.execPath), '..');

function giveUp(reason) {
  mkdirSync(dirname(failureFile), { recursive: true });
  writeFileSync(failureFile, `${reason}\n`);
  console.warn(`[${packageRoot}] native addon not built: ${reason.split('\n')[0]}`);
  process.exit(0);
}

rmSync(failureFile, { force: true });
if (!existsSync(join(nodeDirectory, 'include', 'node', 'node_api.h'))) {
  giveUp(
    `Node headers not found under ${join(nodeDirectory, 'include', 'node')}; install your distribution's Node development headers and reinstall.`,
  );
}
let nodeGyp;
try {
  nodeGyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
} catch (error) {
  giveUp(`node-gyp is not installed next to this package (${error.message}).`);
}
const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${nodeDirectory}`], {
  cwd: packageRoot,
  encoding: 'utf8',
  env: { ...process.env, npm_config_nodedir: nodeDirectory },
});
if (result.status !== 0) {
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
  giveUp(`node-gyp rebuild failed with exit code ${result.status}:\n${output}`);
}
