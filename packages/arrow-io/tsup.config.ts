import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// plugins: the module classes the plugin manifest (alpaka-modules.json) points alpaka-run at; the two tools.
export default defineConfig(
  packageBuildOptions({
    index: 'src/index.ts',
    plugins: 'src/plugins.ts',
    'alpaka-dump': 'src/cli/alpaka-dump.ts',
    'alpaka-merge': 'src/cli/alpaka-merge.ts',
  }),
);
