import { resolve } from 'node:path';
import type { Options } from 'tsup';
import { sourceFingerprint } from './source-fingerprint';

/**
 * The one build recipe every package uses: ESM only, Node 20, declarations bundled per entry.
 * Target ES2022 makes esbuild lower TC39 standard decorators (soa-template declares layouts with them),
 * so built packages run on Node 20, which has no native decorator support.
 */
export function packageBuildOptions(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    outDir: 'dist',
    define: { __ALPAKA_TS_SOURCE_FINGERPRINT__: JSON.stringify(sourceFingerprint(resolve('src'))) },
    ...overrides,
  };
}
