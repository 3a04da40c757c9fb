#!/usr/bin/env node
// Creates packages/<folder> with the layout every @alpaka-ts package shares (CONTRIBUTING.md,
// "Adding a package"). It never overwrites: an existing folder is an error.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    mirrors: { type: 'string', default: '' },
    description: { type: 'string', default: '' },
  },
});
const folder = positionals[0];
if (!folder || !values.name) {
  console.error('usage: new-package <folder> --name @alpaka-ts/<name> [--mirrors "CMSSW part"] [--description "..."]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const packageRoot = join(root, 'packages', folder);
if (existsSync(packageRoot)) {
  console.error(`packages/${folder} already exists; pick another folder or edit it by hand.`);
  process.exit(1);
}

const manifest = {
  name: values.name,
  version: '0.0.0',
  description: values.description,
  license: 'Apache-2.0',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './package.json': './package.json',
  },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', 'src', 'README.md', 'CHANGELOG.md'],
  repository: { type: 'git', url: 'git+https://example.invalid/alpaka-ts.git', directory: `packages/${folder}` },
  scripts: {
    build: 'tsup',
    typecheck: 'tsc --noEmit -p tsconfig.json',
    'check-package': 'publint --strict && attw --pack . --profile esm-only',
  },
  nx: { tags: [] },
};
const files = {
  'package.json': `${JSON.stringify(manifest, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json' }, null, 2)}\n`,
  'tsconfig.test.json': `${JSON.stringify({ extends: '../../tsconfig.kernels.json' }, null, 2)}\n`,
  'tsup.config.ts': `import { defineConfig } from 'tsup';\nimport { packageBuildOptions } from '../../tsup.shared';\n\nexport default defineConfig(packageBuildOptions({ index: 'src/index.ts' }));\n`,
  'vitest.config.ts': `import { defineConfig } from 'vitest/config';\nimport { packageTestConfig } from '../../vitest.shared';\n\nexport default defineConfig(packageTestConfig(import.meta.dirname));\n`,
  'src/index.ts': `export {};\n`,
  'README.md': `# ${values.name}\n\n${values.description}\n\nMirrors: ${values.mirrors}\n`,
};
for (const [relative, text] of Object.entries(files)) {
  const path = join(packageRoot, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
mkdirSync(join(packageRoot, 'test'), { recursive: true });
console.log(
  `created packages/${folder}; next: add it to tools/layering/dependency-rules.mjs, pnpm install, write src/ and test/ (then add the test script and tsconfig.test.json to typecheck), and pnpm changeset`,
);
