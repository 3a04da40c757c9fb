import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// Both entries share chunks (splitting), so Buffer and the registry are one module instance for both.
export default defineConfig(packageBuildOptions({ index: 'src/index.ts', testing: 'src/testing/index.ts' }));
