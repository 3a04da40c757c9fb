import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// The entries share chunks (splitting), so Buffer and the registry are one module instance for both.
export default defineConfig(
  packageBuildOptions({
    index: 'src/index.ts',
    'for-backends': 'src/for-backends.ts',
    testing: 'src/testing/index.ts',
  }),
);
