import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

export default defineConfig(packageBuildOptions({ index: 'src/index.ts', testing: 'src/testing/index.ts' }));
