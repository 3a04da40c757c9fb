import { resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';
import { sourceFingerprint } from './source-fingerprint';

/**
 * Test settings shared by every package. Besides the console report, each run writes vitest's JSON
 * report to <package>/test-results/vitest.json: .ci/run sums those files into its closing
 * "N passed, M failed" line, and nx (which declares the folder as the test target's output) restores
 * them from its cache when a test run is skipped.
 */
export function packageTestConfig(packageFolder: string): ViteUserConfig {
  return {
    define: { __ALPAKA_TS_SOURCE_FINGERPRINT__: JSON.stringify(sourceFingerprint(resolve(packageFolder, 'src'))) },
    test: {
      include: ['test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: resolve(packageFolder, 'test-results', 'vitest.json') }]],
      testTimeout: 20_000,
    },
  };
}
