import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

describe('the install-time native build', () => {
  it('exits 0 and records the reason when the compiler is missing, so the install goes on', () => {
    // A copy of the package's build inputs, so the real build/ folder is left alone.
    const copy = mkdtempSync(join(tmpdir(), 'alpaka-cuda-build-'));
    for (const entry of ['binding.gyp', 'native', 'scripts'])
      cpSync(join(packageRoot, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(packageRoot, 'node_modules'), join(copy, 'node_modules'));
    const run = spawnSync(process.execPath, ['scripts/build-native.mjs'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, CXX: '/nonexistent/g++', CC: '/nonexistent/gcc' },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const failure = join(copy, 'build', 'native-build-failure.txt');
    expect(existsSync(failure)).toBe(true);
    expect(readFileSync(failure, 'utf8')).toMatch(/node-gyp rebuild failed with exit code [1-9]/);
    expect(run.stderr).toMatch(/native addon not built/);
  });
});
