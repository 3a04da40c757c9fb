import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackageShape } from '../package-shape/check-package-shape.mjs';
import { writePackagesFolder } from './workspace-fixture';

const goodManifest = {
  name: '@alpaka-ts/example',
  type: 'module',
  files: ['dist'],
  sideEffects: false,
  engines: { node: '>=20.19' },
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
};
const goodFiles = {
  'example/tsup.config.ts': '',
  'example/tsconfig.json': '{}',
  'example/src/index.ts': '',
  'example/test/a.test.ts': '',
  'example/README.md': '# @alpaka-ts/example\n\nText.\n',
};

describe('the package-shape check', () => {
  it('accepts a package with the agreed shape', () => {
    const root = writePackagesFolder({ ...goodFiles, 'example/package.json': JSON.stringify(goodManifest) });
    expect(checkPackageShape(join(root, 'example'), 'example')).toEqual([]);
  });

  it('names each missing convention', () => {
    const manifest = {
      ...goodManifest,
      type: 'commonjs',
      sideEffects: undefined,
      exports: { '.': { default: './dist/index.js', types: './dist/index.d.ts' } },
    };
    const { 'example/README.md': _readme, ...files } = goodFiles;
    const root = writePackagesFolder({ ...files, 'example/package.json': JSON.stringify(manifest) });
    expect(checkPackageShape(join(root, 'example'), 'example')).toEqual([
      '@alpaka-ts/example: "type" must be "module" (ESM only).',
      '@alpaka-ts/example: declare "sideEffects".',
      '@alpaka-ts/example: export "." lists default before "types"; TypeScript reads the first match.',
      '@alpaka-ts/example: README.md is missing.',
    ]);
  });

  it('passes on every package of this repository', () => {
    const packages = new URL('../../packages/', import.meta.url).pathname;
    for (const folder of ['alpaka-interface', 'backend-serial', 'backend-cuda', 'soa-template']) {
      expect(checkPackageShape(join(packages, folder), folder)).toEqual([]);
    }
  });
});
