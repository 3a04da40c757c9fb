import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

export default defineConfig(
  packageBuildOptions({
    index: 'src/index.ts',
    alpaka: 'src/alpaka/index.ts',
    testing: 'src/testing/index.ts',
    'alpaka-run': 'src/cli/alpaka-run.ts',
  }),
);
