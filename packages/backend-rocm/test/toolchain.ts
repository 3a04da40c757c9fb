import { hipToolchain } from '../src/hip-toolchain';

/**
 * CI (CI=true) installs Debian's libamdhip64-5 (.ci/run), so there HIP and hiprtc must load: a missing library
 * fails the tests instead of skipping them. On a machine with only Node, the HIP tests are skipped.
 */
export const hipRequired = process.env.CI === 'true';

export const toolchain = hipToolchain();
