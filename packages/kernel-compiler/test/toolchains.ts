import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The device compilers the emitted C++ is compiled with. CI (CI=true) must have both: there a missing
 * compiler fails the tests. On a machine with only Node, the compile tests are skipped and say why.
 */
export const toolchainsRequired = process.env.CI === 'true';

export const nvcc = ['/usr/local/bin/nvcc', '/usr/local/cuda/bin/nvcc', 'nvcc'].find(
  (candidate) => spawnSync(candidate, ['--version']).status === 0,
);

export const hiprtcDriver = fileURLToPath(new URL('./hiprtc-compile.py', import.meta.url));
export const hiprtcAvailable =
  spawnSync('python3', ['-c', "import ctypes; ctypes.CDLL('libamdhip64.so.5')"]).status === 0;
