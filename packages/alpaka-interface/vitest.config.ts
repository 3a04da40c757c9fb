import { defineConfig, mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared';

// The fixture backend imports @alpaka-ts/interface by name; point that name at this package's source so
// the tests and the fixture share one module instance (one registry, one Buffer class), as an
// application with one installed copy does.
export default defineConfig(
  mergeConfig(packageTestConfig(import.meta.dirname), {
    resolve: {
      alias: [
        { find: /^@alpaka-ts\/interface$/, replacement: new URL('./src/index.ts', import.meta.url).pathname },
        {
          find: /^@alpaka-ts\/interface\/backend$/,
          replacement: new URL('./src/for-backends.ts', import.meta.url).pathname,
        },
      ],
    },
  }),
);
