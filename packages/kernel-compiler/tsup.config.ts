import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// The entries share chunks (splitting), so the emitter registry is one module instance for both.
export default defineConfig(packageBuildOptions({ index: 'src/index.ts', 'for-emitters': 'src/for-emitters.ts' }));
