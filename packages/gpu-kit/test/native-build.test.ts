import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const buildScript = fileURLToPath(new URL('../scripts/build-native.mjs', import.meta.url));

/** A package folder with the smallest addon node-gyp can build, as a backend's install script sees its own. */
function addonPackage(): string {
  const folder = mkdtempSync(join(tmpdir(), 'alpaka-native-build-'));
  mkdirSync(join(folder, 'native'));
  writeFileSync(
    join(folder, 'binding.gyp'),
    JSON.stringify({ targets: [{ target_name: 'smallest', sources: ['native/addon.c'] }] }),
  );
  writeFileSync(
    join(folder, 'native', 'addon.c'),
    '#include <node_api.h>\nstatic napi_value init(napi_env env, napi_value exports) { return exports; }\nNAPI_MODULE(smallest, init)\n',
  );
  return folder;
}

function build(folder: string, environment: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [buildScript], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...environment },
    timeout: 120_000,
  });
}

describe('the install-time native build (alpaka-ts-build-native)', () => {
  it('builds the addon of the package it runs in, against the local Node headers', () => {
    const folder = addonPackage();
    const run = build(folder);
    expect(run.status).toBe(0);
    expect(existsSync(join(folder, 'build', 'native-build-failure.txt'))).toBe(false);
    const addon = createRequire(import.meta.url)(join(folder, 'build', 'Release', 'smallest.node'));
    expect(typeof addon).toBe('object');
  }, 120_000);

  it('exits 0 and records the reason when the compiler is missing, so the install goes on', () => {
    const folder = addonPackage();
    const run = build(folder, { CXX: '/nonexistent/g++', CC: '/nonexistent/gcc' });
    expect(run.status).toBe(0);
    const failure = join(folder, 'build', 'native-build-failure.txt');
    expect(existsSync(failure)).toBe(true);
    expect(readFileSync(failure, 'utf8')).toMatch(/node-gyp rebuild failed with exit code [1-9]/);
    expect(run.stderr).toMatch(/native addon not built/);
  }, 120_000);
});
