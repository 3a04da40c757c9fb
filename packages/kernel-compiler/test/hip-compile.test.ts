import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conformanceKernels } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { emitCppModule } from '../src/index';
import { hiprtcAvailable, hiprtcDriver, toolchainsRequired } from './toolchains';

function compileWithHiprtc(source: string, architecture: string, options: readonly string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'alpaka-hip-')), 'module.hip');
  writeFileSync(file, source);
  return spawnSync('python3', [hiprtcDriver, file, architecture, ...options], { encoding: 'utf8' });
}

it.runIf(toolchainsRequired)('CI has hiprtc (Debian libamdhip64-5), so every emitted HIP kernel is compiled', () => {
  expect(hiprtcAvailable, 'libamdhip64.so.5 not found: .ci/run installs libamdhip64-5 and libhiprtc-builtins5').toBe(
    true,
  );
});

// Without libamdhip64-5 (a machine with only Node) these are skipped; CI requires it (above).
describe.skipIf(!hiprtcAvailable)('the HIP C++ emitter, compiled by hiprtc (HIP 5.2) without an AMD GPU', () => {
  for (const architecture of ['gfx90a', 'gfx908']) {
    it(`compiles every conformance kernel in every dimension it is launched with for ${architecture}`, () => {
      const module = emitCppModule(
        'hip',
        conformanceKernels.flatMap(({ kernel, dimensions, specialisations = [undefined] }) =>
          specialisations.flatMap((constants) =>
            dimensions.flatMap((dimension) =>
              [false, true].map((oneElementPerThread) => ({ kernel, dimension, oneElementPerThread, constants })),
            ),
          ),
        ),
      );
      const result = compileWithHiprtc(module.source, architecture, module.requiredOptions);
      if (result.status !== 0) throw new Error(`hiprtc failed for ${architecture}:\n${result.stdout}${result.stderr}`);
      expect(result.stdout).toMatch(new RegExp(`compiled for ${architecture}: [1-9][0-9]* bytes`));
    }, 120_000);
  }

  it('compiles the bounds-checked variant of every conformance kernel for gfx90a', () => {
    const module = emitCppModule(
      'hip',
      conformanceKernels.flatMap(({ kernel, dimensions, specialisations = [undefined] }) =>
        specialisations.flatMap((constants) =>
          dimensions.map((dimension) => ({ kernel, dimension, constants, boundsChecks: true })),
        ),
      ),
    );
    expect(module.source).toContain('alpaka_bounded_store(');
    const result = compileWithHiprtc(module.source, 'gfx90a', module.requiredOptions);
    if (result.status !== 0) throw new Error(`hiprtc failed for gfx90a:\n${result.stdout}${result.stderr}`);
    expect(result.stdout).toMatch(/compiled for gfx90a: [1-9][0-9]* bytes/);
  }, 120_000);

  it('a module with a broken kernel fails to compile, so the tests above can fail', () => {
    const result = compileWithHiprtc(
      'extern "C" __global__ void broken() { undeclared_identifier = 1; }\n',
      'gfx90a',
      [],
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/undeclared_identifier/);
  }, 60_000);
});
