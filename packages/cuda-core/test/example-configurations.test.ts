// The README examples' configuration files, run as a user runs them: `alpaka-run examples/<file>.ts -- …`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawValue } from '../examples/example-data';
import { describeValues } from '../examples/example-host-modules';
import { expectedGpuOnlyLines } from './expected-example-lines';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const alpakaRun = join(
  dirname(createRequire(import.meta.url).resolve('@alpaka-ts/core/package.json')),
  'dist',
  'alpaka-run.js',
);

function run(configuration: string, configurationArguments: readonly string[]) {
  const result = spawnSync(
    process.execPath,
    [alpakaRun, join('examples', configuration), '--', ...configurationArguments],
    {
      cwd: packageFolder,
      encoding: 'utf8',
      timeout: 50_000,
    },
  );
  const printed = result.stdout
    .split('\n')
    .filter((line) => /^[A-Za-z]+: event \d+ /.test(line))
    .sort();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, printed };
}

describe('the examples configuration files', () => {
  it('gpu-only.ts over the mock accelerator prints what the GPU chain computes', () => {
    const result = run('gpu-only.ts', ['--driver=mock', '--events=2', '--size=40']);
    expect(result.stderr).not.toContain('Fatal Exception');
    expect(result.status).toBe(0);
    expect(result.printed).toEqual(expectedGpuOnlyLines(2, 40));
  }, 60_000);

  it('automatic-switching.ts prints the same numbers from the case this machine gets (cpu without an NVIDIA GPU) and over the mock', () => {
    const expected = [1, 2].map((event) =>
      describeValues(
        'exampleAnalyzer',
        event,
        Float32Array.from({ length: 30 }, (_, i) => rawValue(event, i) * 2 + 1),
      ),
    );
    const onThisMachine = run('automatic-switching.ts', ['--events=2', '--size=30']);
    expect(onThisMachine.status).toBe(0);
    expect(onThisMachine.printed).toEqual(expected);
    const onTheMock = run('automatic-switching.ts', ['--driver=mock', '--events=2', '--size=30']);
    expect(onTheMock.status).toBe(0);
    expect(onTheMock.printed).toEqual(expected);
  }, 120_000);

  it('refuses an unknown driver, naming the choices', () => {
    const result = run('gpu-only.ts', ['--driver=opencl']);
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain("--driver is cuda or mock, not 'opencl'.");
  }, 60_000);
});
