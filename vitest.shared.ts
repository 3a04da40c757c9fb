import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const workspaceRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Test settings shared by every package. Besides the console report, each run writes vitest's JSON
 * report to .ci-results/<package>.json at the workspace root: .ci/run sums those files into its
 * closing "N passed, M failed" line, and nx restores them from its cache when a test run is skipped.
 */
export function packageTestConfig(packageFolder: string): ViteUserConfig {
  const name = packageFolder.split('/').pop() ?? 'package';
  return {
    test: {
      include: ['test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: resolve(workspaceRoot, '.ci-results', `${name}.json`) }]],
      testTimeout: 20_000,
    },
  };
}
