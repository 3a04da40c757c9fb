import { resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';
import { sourceFingerprint } from './source-fingerprint';

/**
 * Test settings shared by every package. Besides the console report, each run writes vitest's JSON
 * report to <package>/test-results/vitest.json: .ci/run sums those files into its closing
 * "N passed, M failed" line, and nx (which declares the folder as the test target's output) restores
 * them from its cache when a test run is skipped.
 */
export function packageTestConfig(packageFolder: string, options: { typeTests?: boolean } = {}): ViteUserConfig {
  return {
    define: { __ALPAKA_TS_SOURCE_FINGERPRINT__: JSON.stringify(sourceFingerprint(resolve(packageFolder, 'src'))) },
    test: {
      include: ['test/**/*.test.ts'],
      // Type tests (test/*.test-d.ts: expectTypeOf and @ts-expect-error) run through tsc with the package's test
      // tsconfig, counted in the same report.
      ...(options.typeTests
        ? {
            typecheck: {
              enabled: true,
              include: ['test/**/*.test-d.ts'],
              tsconfig: resolve(packageFolder, 'tsconfig.test.json'),
            },
          }
        : {}),
      reporters: ['default', ['json', { outputFile: resolve(packageFolder, 'test-results', 'vitest.json') }]],
      testTimeout: 20_000,
    },
  };
}
