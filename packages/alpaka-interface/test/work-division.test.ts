import { describe, expect, it } from 'vitest';
import { hostPlatformV1, specificationVersion } from '../src/for-backends';
import {
  acceleratorOf,
  type BackendV1,
  divideUpBy,
  InvalidArgumentError,
  makeWorkDiv,
  validateWorkDivision,
  WorkDivisionError,
  workDivision,
} from '../src/index';

const gpuLimits = {
  maxBlocksPerGrid: [65535, 65535, 2147483647],
  maxThreadsPerBlock: [64, 1024, 1024],
  maxThreadsPerBlockTotal: 1024,
  maxElementsPerThread: 1,
  maxDynamicSharedMemoryBytes: 49152,
};
const fakeGpu: BackendV1 = {
  specificationVersion,
  name: 'fake_gpu',
  accelerator: 'gpu-nvidia',
  acceleratorTypeName: 'AccFake',
  runsOnHost: false,
  probe: () => ({ available: true, reason: '' }),
  platform: () => hostPlatformV1,
  limits: () => gpuLimits,
  launch: () => {},
};
const fakeCpu: BackendV1 = { ...fakeGpu, name: 'fake_cpu', accelerator: 'cpu', runsOnHost: true };

describe('work division', () => {
  it("applies CMSSW's rule: threads on GPUs, elements per thread on CPUs", () => {
    const gpu = makeWorkDiv(acceleratorOf(fakeGpu, 2), [4, 8], [16, 32]);
    expect(gpu).toMatchObject({ blocksPerGrid: [4, 8], threadsPerBlock: [16, 32], elementsPerThread: [1, 1] });
    const cpu = makeWorkDiv(acceleratorOf(fakeCpu, 2), [4, 8], [16, 32]);
    expect(cpu).toMatchObject({ blocksPerGrid: [4, 8], threadsPerBlock: [1, 1], elementsPerThread: [16, 32] });
    expect(makeWorkDiv(acceleratorOf(fakeGpu, 3), 2, 8).threadsPerBlock).toEqual([8, 8, 8]);
  });

  it('returns one accelerator object per backend and dimension', () => {
    expect(acceleratorOf(fakeGpu, 1)).toBe(acceleratorOf(fakeGpu, 1));
    expect(acceleratorOf(fakeGpu, 1)).not.toBe(acceleratorOf(fakeGpu, 2));
    expect(() => acceleratorOf(fakeGpu, 4 as never)).toThrow(/must be 1, 2 or 3/);
  });

  it('divideUpBy rounds up and rejects nonsense', () => {
    expect([divideUpBy(0, 32), divideUpBy(1, 32), divideUpBy(32, 32), divideUpBy(33, 32)]).toEqual([0, 1, 1, 2]);
    expect(() => divideUpBy(10, 0)).toThrow(InvalidArgumentError);
    expect(() => divideUpBy(-1, 3)).toThrow(/not a non-negative integer/);
  });

  it('validates against the device limits per axis, in total and for elements, naming the limit', () => {
    const limitsOf = (division: ReturnType<typeof workDivision>) => () =>
      validateWorkDivision(division, gpuLimits, 'Fake H200');
    const accelerator = acceleratorOf(fakeGpu, 3);
    expect(limitsOf(workDivision(accelerator, [1, 1, 1], [65, 1, 1], [1, 1, 1]))).toThrow(
      /threads per block \[65, 1, 1\] exceeds the limit \[64, 1024, 1024\] of fake_gpu on Fake H200/,
    );
    expect(limitsOf(workDivision(accelerator, [1, 1, 1], [2, 32, 32], [1, 1, 1]))).toThrow(
      /2048 threads per block exceed the limit of 1024/,
    );
    expect(limitsOf(workDivision(accelerator, [65536, 1, 1], [1, 1, 1], [1, 1, 1]))).toThrow(WorkDivisionError);
    expect(limitsOf(workDivision(accelerator, [1, 1, 1], [1, 1, 1], [1, 1, 2]))).toThrow(
      /2 elements per thread exceed the limit of 1/,
    );
    expect(limitsOf(workDivision(accelerator, [65535, 65535, 100000], [64, 4, 4], [1, 1, 1]))).not.toThrow();
  });

  it('rejects zero threads or elements and vectors of the wrong rank', () => {
    const accelerator = acceleratorOf(fakeGpu, 1);
    expect(() => workDivision(accelerator, 1, 0, 1)).toThrow(/at least one thread and element/);
    expect(() => workDivision(accelerator, [1, 2], 1, 1)).toThrow(/2 dimensions; the accelerator has 1/);
  });
});
