import { probeBackend } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { backendTested } from './alpaka-backends';
import { alpakaRun, configuration, shellCode } from './alpaka-run';

// HeterogeneousCore/AlpakaTest/test/testAlpakaModules.sh through the real alpaka-run: the must-succeed cases
// per backend, and the must-fail ones with UnavailableAccelerator (8035, 99 as a shell sees it).
const config = configuration('testAlpakaModules.ts');
const unavailableAccelerator = shellCode(8035);

function expectSuccess(options: readonly string[]) {
  const run = alpakaRun(config, ['--wantSummary'], options);
  expect(run.stderr).not.toContain('Fatal Exception');
  expect(run.status).toBe(0);
  // Ten events, every one through the path (each analyzer and device consumer ran and passed).
  expect(run.stdout).toContain('TrigReport Events total = 10 passed = 10 failed = 0');
  expect(run.stdout).toMatch(/TrigReport +1 +0 +10 +10 +0 +0 p$/m);
  return run;
}

function expectUnavailableAccelerator(options: readonly string[]) {
  const run = alpakaRun(config, [], options);
  expect(run.status).toBe(unavailableAccelerator);
  expect(run.stderr).toContain("An exception of category 'UnavailableAccelerator' occurred");
  return run;
}

const serial = backendTested('serial_sync');
const cuda = backendTested('cuda_async');
const rocm = backendTested('rocm_async');

describe(`testAlpakaModules on serial_sync (${serial.reason})`, () => {
  it.each([
    [['--accelerators=cpu', '--expectBackend=serial_sync']],
    [['--processAcceleratorBackend=serial_sync', '--expectBackend=serial_sync']],
    [['--moduleBackend=serial_sync', '--expectBackend=serial_sync']],
    [['--accelerators=cpu', '--moduleSynchronize']],
    [['--accelerators=cpu', '--processAcceleratorSynchronize', '--run=2']],
  ])('succeeds with %j', (options) => {
    expectSuccess(options);
  });

  it('fails with Assert when the analyzers expect another backend than the one that ran', () => {
    const run = alpakaRun(config, [], ['--moduleBackend=serial_sync', '--expectBackend=cuda_async']);
    expect(run.status).toBe(shellCode(8001));
    expect(run.stderr).toContain("An exception of category 'Assert' occurred");
    // CUDA's sizes are expected (20 rows); serial_sync made 10.
    expect(run.stderr).toContain('Expected input collection size 20, got 10');
  });

  it('refuses an unknown option as a configuration error (7002)', () => {
    const run = alpakaRun(config, [], ['--modulBackend=serial_sync']);
    expect(run.status).toBe(shellCode(7002));
    expect(run.stderr).toContain("unknown option '--modulBackend=serial_sync'");
  });
});

describe.runIf(!cuda.run)(`testAlpakaModules without an NVIDIA GPU (cuda_async: ${cuda.reason})`, () => {
  it('succeeds by default on serial_sync', () => {
    expectSuccess([]);
  });

  it.each([
    [['--accelerators=gpu-nvidia']],
    [['--moduleBackend=cuda_async']],
    [['--processAcceleratorBackend=cuda_async']],
  ])('fails with UnavailableAccelerator for %j', (options) => {
    expectUnavailableAccelerator(options);
  });
});

describe.runIf(cuda.run)(`testAlpakaModules on cuda_async (${cuda.reason})`, () => {
  it('has cuda_async usable here (forced tests fail here first when it is absent)', async () => {
    const status = await probeBackend('cuda_async');
    expect(status.reason).toBeUndefined();
    expect(status.available).toBe(true);
  });

  it.each([
    // The default: Name@alpaka picks cuda_async where an NVIDIA GPU is.
    [['--expectBackend=cuda_async']],
    [['--accelerators=gpu-nvidia', '--expectBackend=cuda_async']],
    [['--processAcceleratorBackend=cuda_async', '--expectBackend=cuda_async']],
    [['--moduleBackend=cuda_async', '--expectBackend=cuda_async']],
    [['--accelerators=gpu-nvidia', '--moduleSynchronize']],
    [['--accelerators=gpu-nvidia', '--processAcceleratorSynchronize']],
  ])('succeeds with %j', (options) => {
    expectSuccess(options);
  });

  it.each([
    [['--accelerators=gpu-nvidia', '--moduleBackend=serial_sync']],
    [['--accelerators=cpu', '--moduleBackend=cuda_async']],
  ])('fails with UnavailableAccelerator for %j', (options) => {
    expectUnavailableAccelerator(options);
  });
});

describe.runIf(rocm.run)(`testAlpakaModules on rocm_async (${rocm.reason})`, () => {
  it.each([
    [['--accelerators=gpu-amd', '--expectBackend=rocm_async']],
    [['--moduleBackend=rocm_async', '--expectBackend=rocm_async']],
  ])('succeeds with %j', (options) => {
    expectSuccess(options);
  });
});
