import { describe, expect, it } from 'vitest';
import { backendTested } from './alpaka-backends';
import { alpakaRun, configuration, shellCode } from './alpaka-run';

// The other AlpakaTest configurations through the real alpaka-run, on serial_sync and, where it is tested,
// on cuda_async.
const cuda = backendTested('cuda_async');

describe('testAlpakaBackendFilter', () => {
  it('lets every event through Status_OnCPU and none through Status_OnGPU on serial_sync', () => {
    const run = alpakaRun(configuration('testAlpakaBackendFilter.ts'), ['--wantSummary'], ['--accelerators=cpu']);
    expect(run.stderr).not.toContain('Fatal Exception');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/TrigReport +1 +0 +10 +10 +0 +0 Status_OnCPU$/m);
    expect(run.stdout).toMatch(/TrigReport +1 +1 +10 +0 +10 +0 Status_OnGPU$/m);
    // The GPU path's analyzer (which expects CudaAsync and would fail here) never ran.
    expect(run.stdout).toMatch(/TrigReport +0 +0 +0 +0 +0 analyzerOnGPU$/m);
    expect(run.stdout).toMatch(/TrigReport +10 +10 +10 +0 +0 analyzerOnCPU$/m);
  });

  it.runIf(cuda.run)(`lets every event through Status_OnGPU on cuda_async (${cuda.reason})`, () => {
    const run = alpakaRun(
      configuration('testAlpakaBackendFilter.ts'),
      ['--wantSummary'],
      ['--accelerators=gpu-nvidia'],
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/TrigReport +1 +0 +10 +0 +10 +0 Status_OnCPU$/m);
    expect(run.stdout).toMatch(/TrigReport +1 +1 +10 +10 +0 +0 Status_OnGPU$/m);
  });
});

describe('testAlpakaModulesHostAndDevice', () => {
  it('finds no difference between the producer and its serial_sync clone on serial_sync', () => {
    const run = alpakaRun(
      configuration('testAlpakaModulesHostAndDevice.ts'),
      ['--wantSummary'],
      ['--accelerators=cpu'],
    );
    expect(run.stderr).not.toContain('Fatal Exception');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('TrigReport Events total = 10 passed = 10 failed = 0');
  });

  it('fails with Assert when the difference expected is that of another backend', () => {
    // Expecting cuda_async's xvalue (2.0) while both ran on serial_sync (1.0): x differs by 0, not −1.
    const run = alpakaRun(configuration('testAlpakaModulesHostAndDevice.ts'), [], ['--expectBackend=cuda_async']);
    expect(run.status).toBe(shellCode(8001));
    expect(run.stderr).toContain(
      'Comparison of view[0].x() failed, expected difference -1 but got 0, host value 1 device value 1',
    );
  });

  it.runIf(cuda.run)(`finds the xvalues' difference (−1) on cuda_async (${cuda.reason})`, () => {
    const run = alpakaRun(configuration('testAlpakaModulesHostAndDevice.ts'), [], ['--accelerators=gpu-nvidia,cpu']);
    expect(run.status).toBe(0);
  });
});

describe('testAlpakaModulesCopyOfPtr', () => {
  it('reads ptr[i] == buffer(i) == 2i + 1 on the host, 3 events', () => {
    const run = alpakaRun(configuration('testAlpakaModulesCopyOfPtr.ts'), ['--wantSummary'], ['--accelerators=cpu']);
    expect(run.stderr).not.toContain('Fatal Exception');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('TrigReport Events total = 3 passed = 3 failed = 0');
  });

  it.runIf(cuda.run)(`re-points ptr in CopyToHost's postCopy on cuda_async (${cuda.reason})`, () => {
    const run = alpakaRun(configuration('testAlpakaModulesCopyOfPtr.ts'), [], ['--accelerators=gpu-nvidia']);
    expect(run.status).toBe(0);
  });
});
