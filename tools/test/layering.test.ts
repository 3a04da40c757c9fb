import { describe, expect, it } from 'vitest';
import { checkLayering, importedSpecifiers, packageNameOf } from '../layering/check-layering.mjs';
import { manifest, writePackagesFolder } from './workspace-fixture';

describe('the layering check', () => {
  it('finds static, type-only, re-exported, dynamic and required imports', () => {
    const source = [
      "import { a } from '@alpaka-ts/interface';",
      "import type { B } from '@alpaka-ts/portable';",
      "export * from './local';",
      "const backend = await import('@alpaka-ts/backend-cuda');",
      "const legacy = require('@alpaka-ts/soa-template/sub');",
    ].join('\n');
    expect(importedSpecifiers(source)).toEqual([
      '@alpaka-ts/interface',
      '@alpaka-ts/portable',
      './local',
      '@alpaka-ts/backend-cuda',
      '@alpaka-ts/soa-template/sub',
    ]);
  });

  it('reduces specifiers to package names and ignores relative and built-in imports', () => {
    expect(packageNameOf('@alpaka-ts/interface/testing')).toBe('@alpaka-ts/interface');
    expect(packageNameOf('acorn/dist/acorn.mjs')).toBe('acorn');
    expect(packageNameOf('./x')).toBeUndefined();
    expect(packageNameOf('node:fs')).toBeUndefined();
  });

  it('accepts the allowed direction', () => {
    const folder = writePackagesFolder({
      'alpaka-interface/package.json': manifest('@alpaka-ts/interface'),
      'alpaka-interface/src/index.ts': 'export const x = 1;\n',
      'backend-serial/package.json': manifest('@alpaka-ts/backend-serial', {
        peerDependencies: { '@alpaka-ts/interface': '*' },
      }),
      'backend-serial/src/index.ts': "import { x } from '@alpaka-ts/interface';\nexport const y = x;\n",
    });
    expect(checkLayering(folder)).toEqual([]);
  });

  it('rejects the core importing a backend, even through a dynamic import', () => {
    const folder = writePackagesFolder({
      'alpaka-core/package.json': manifest('@alpaka-ts/core'),
      'alpaka-core/src/load.ts': "export const load = () => import('@alpaka-ts/backend-cuda');\n",
    });
    expect(checkLayering(folder)).toEqual([
      "@alpaka-ts/core: alpaka-core/src/load.ts imports @alpaka-ts/backend-cuda, which DESIGN.md's dependency direction forbids.",
    ]);
  });

  it('rejects the interface depending on any other workspace package, in code or in its manifest', () => {
    const folder = writePackagesFolder({
      'alpaka-interface/package.json': manifest('@alpaka-ts/interface', {
        dependencies: { '@alpaka-ts/soa-template': '*' },
      }),
      'alpaka-interface/src/index.ts': "export * from '@alpaka-ts/kernel-compiler';\n",
    });
    const violations = checkLayering(folder);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatch(/dependencies names @alpaka-ts\/soa-template/);
    expect(violations[1]).toMatch(/imports @alpaka-ts\/kernel-compiler/);
  });

  it('rejects a backend importing the core, and a package the rules do not know', () => {
    const folder = writePackagesFolder({
      'backend-rocm/package.json': manifest('@alpaka-ts/backend-rocm'),
      'backend-rocm/src/index.ts': "import '@alpaka-ts/core';\n",
      'mystery/package.json': manifest('@alpaka-ts/mystery'),
    });
    const violations = checkLayering(folder);
    expect(violations.some((line) => line.includes('backend-rocm/src/index.ts imports @alpaka-ts/core'))).toBe(true);
    expect(violations.some((line) => line.includes('@alpaka-ts/mystery (packages/mystery) has no entry'))).toBe(true);
  });

  it('passes on this repository', () => {
    expect(checkLayering(new URL('../../packages/', import.meta.url).pathname)).toEqual([]);
  });
});
