import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

// An installed package that declares a module type in its plugin manifest, and a configuration that uses the
// type by name without importing the package: what CMSSW's plugin cache gives cmsRun.
const packageFolder = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(packageFolder, 'dist', 'alpaka-run.js');
const job = mkdtempSync(join(tmpdir(), 'alpaka-run-plugins-'));
afterAll(() => rmSync(job, { recursive: true, force: true }));

function installFixture(): void {
  mkdirSync(join(job, 'node_modules', '@alpaka-ts'), { recursive: true });
  symlinkSync(packageFolder, join(job, 'node_modules', '@alpaka-ts', 'core'), 'dir');
  const plugins = join(job, 'node_modules', 'demo-modules');
  mkdirSync(plugins);
  writeFileSync(
    join(plugins, 'package.json'),
    JSON.stringify({ name: 'demo-modules', type: 'module', 'alpaka-ts': { modules: './alpaka-modules.json' } }),
  );
  writeFileSync(
    join(plugins, 'alpaka-modules.json'),
    JSON.stringify({
      specificationVersion: 1,
      modules: { DemoProducer: { import: './demo.js', export: 'DemoProducer' } },
    }),
  );
  writeFileSync(
    join(plugins, 'demo.js'),
    "import { global, productTypes } from '@alpaka-ts/core';\n" +
      'export class DemoProducer extends global.EDProducer {\n' +
      '  #put = this.produces(productTypes.int);\n' +
      "  produce(_stream, event) { event.put(this.#put, 3); process.stdout.write('demo produced\\n'); }\n" +
      '}\n',
  );
  writeFileSync(
    join(job, 'config.mjs'),
    "import { cms } from '@alpaka-ts/core';\n" +
      "const process = cms.Process('PLUGINS');\n" +
      "process.source = cms.Source('EmptySource');\n" +
      'process.maxEvents.input = 2;\n' +
      "process.demo = cms.EDProducer('DemoProducer');\n" +
      'process.p = cms.Path(process.demo);\n' +
      'export default process;\n',
  );
}

it("runs a module type an installed package's plugin manifest declares, found without importing the package", () => {
  installFixture();
  const options = { encoding: 'utf8' as const, cwd: job, env: { ...process.env, FORCE_COLOR: '0' } };
  const list = spawnSync(process.execPath, [bin, 'config.mjs', '--list-modules'], options);
  expect(list.stdout.split('\n')).toContain('DemoProducer');
  const run = spawnSync(process.execPath, [bin, 'config.mjs', '--progress', 'none'], options);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.match(/demo produced/g)).toHaveLength(2);
});
