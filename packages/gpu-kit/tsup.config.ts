import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// The entries share chunks (splitting), so the stand-in addon's HostCallbacks is the kit's own.
export default defineConfig(packageBuildOptions({ index: 'src/index.ts', testing: 'src/testing/index.ts' }));
