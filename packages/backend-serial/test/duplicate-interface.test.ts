import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A second installed copy of @alpaka-ts/interface: its built files in another folder, resolving its own
// dependencies through the package's node_modules, as a second version in a nested node_modules would.
const installed = dirname(realpathSync(createRequire(import.meta.url).resolve('@alpaka-ts/interface/package.json')));
const secondCopy = mkdtempSync(join(tmpdir(), 'alpaka-interface-copy-'));
cpSync(join(installed, 'dist'), join(secondCopy, 'dist'), { recursive: true });
writeFileSync(join(secondCopy, 'package.json'), JSON.stringify({ name: '@alpaka-ts/interface', type: 'module' }));
symlinkSync(join(installed, 'node_modules'), join(secondCopy, 'node_modules'));
afterAll(() => rmSync(secondCopy, { recursive: true, force: true }));

describe('two copies of @alpaka-ts/interface in one process', () => {
  it('are refused where the second copy first uses its heap or registry, naming both', () => {
    const script = fileURLToPath(new URL('./fixtures/two-interface-copies.mjs', import.meta.url));
    const report = JSON.parse(execFileSync(process.execPath, [script, secondCopy], { encoding: 'utf8' })) as Record<
      string,
      { name: string; code: string; message: string }
    >;
    for (const use of ['allocBuf', 'registerBackend']) {
      expect(report[use]?.name).toBe('DuplicateInterfaceError');
      expect(report[use]?.code).toBe('ALPAKA_DUPLICATE_INTERFACE');
      expect(report[use]?.message).toContain(`from file://${installed}/dist/`);
      expect(report[use]?.message).toContain(`and from file://${secondCopy}/dist/`);
    }
  });
});
