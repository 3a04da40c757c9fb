import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, f32, kernel, u32 } from '@alpaka-ts/interface';
import { conformanceKernels } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { emitCppModule } from '../src/index';
import { nvcc, toolchainsRequired } from './toolchains';

const breakAndReturn = kernel('breakAndReturn', { n: u32, limit: f32, out: array(f32) }, (acc, { n, limit, out }) => {
  for (const i of acc.uniformElements(n)) {
    if (out[i] > limit) break;
    if (out[i] < 0) continue;
    out[i] = Math.round(out[i] * 2) ** 2;
  }
  let count = 0;
  while (count < 3) count++;
  if (count === 3) return;
  out[0] = count;
});

function compileWithNvcc(source: string, options: readonly string[]) {
  const folder = mkdtempSync(join(tmpdir(), 'alpaka-cuda-'));
  const file = join(folder, 'module.cu');
  writeFileSync(file, source);
  return spawnSync(nvcc as string, ['-c', '-arch=sm_90', ...options, '-o', join(folder, 'module.o'), file], {
    encoding: 'utf8',
  });
}

it.runIf(toolchainsRequired)('CI has nvcc, so every emitted CUDA kernel is compiled', () => {
  expect(nvcc, 'nvcc not found at /usr/local/bin/nvcc, /usr/local/cuda/bin/nvcc or on PATH').toBeDefined();
});

// Without nvcc (a machine with only Node) these are skipped; CI requires nvcc (above).
describe.skipIf(!nvcc)('the CUDA C++ emitter, compiled by nvcc -arch=sm_90', () => {
  it('emits every conformance kernel in every dimension it is launched with, and nvcc -arch=sm_90 compiles the module', () => {
    const specialisations = [
      ...conformanceKernels.flatMap(({ kernel: definition, dimensions, specialisations = [undefined] }) =>
        specialisations.flatMap((constants) =>
          dimensions.flatMap((dimension) =>
            [false, true].map((oneElementPerThread) => ({
              kernel: definition,
              dimension,
              oneElementPerThread,
              constants,
            })),
          ),
        ),
      ),
      { kernel: breakAndReturn, dimension: 1 },
    ];
    const module = emitCppModule('cuda', specialisations);
    expect(module.kernels.map((emitted) => emitted.entry)).toContain('conformanceAxpy_1d');
    expect(module.kernels.map((emitted) => emitted.entry)).toContain('conformanceIndices3D_3d');
    const result = compileWithNvcc(module.source, module.requiredOptions);
    if (result.status !== 0) {
      const numbered = module.source.split('\n').map((line, index) => `${String(index + 1).padStart(4)} ${line}`);
      throw new Error(
        `nvcc failed (${result.status}):\n${result.stderr}\n--- emitted source ---\n${numbered.join('\n')}`,
      );
    }
  }, 180_000);

  it('emits the bounds-checked variant of every conformance kernel, and nvcc -arch=sm_90 compiles the module', () => {
    const specialisations = conformanceKernels.flatMap(
      ({ kernel: definition, dimensions, specialisations = [undefined] }) =>
        specialisations.flatMap((constants) =>
          dimensions.map((dimension) => ({ kernel: definition, dimension, constants, boundsChecks: true })),
        ),
    );
    const module = emitCppModule('cuda', [
      ...specialisations,
      { kernel: breakAndReturn, dimension: 1, boundsChecks: true },
    ]);
    expect(module.kernels.map((emitted) => emitted.entry)).toContain('conformanceAxpy_1d_bc');
    expect(module.source).toContain('alpaka_bounded_load(');
    const result = compileWithNvcc(module.source, module.requiredOptions);
    if (result.status !== 0) {
      const numbered = module.source.split('\n').map((line, index) => `${String(index + 1).padStart(4)} ${line}`);
      throw new Error(
        `nvcc failed (${result.status}):\n${result.stderr}\n--- emitted source ---\n${numbered.join('\n')}`,
      );
    }
  }, 180_000);

  it('a module with a broken kernel fails to compile, so the test above can fail', () => {
    const module = emitCppModule('cuda', [{ kernel: breakAndReturn, dimension: 1 }]);
    const result = compileWithNvcc(
      `${module.source}\nextern "C" __global__ void broken() { undeclared_identifier = 1; }\n`,
      module.requiredOptions,
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/undeclared_identifier/);
  }, 60_000);
});
