// The CUDACore README's examples (examples/): every module in the GPU-only configuration, and the automatic
// switching between CPU and GPU, in jobs over the mock accelerator (which runs the kernels, so every printed
// number is checked against the same arithmetic done here) and over cuda_async on the GPU kit's stand-in of the
// CUDA driver (which does not run kernels: there the launches, streams and copies are checked).

import { standInCudaBackend } from '@alpaka-ts/backend-cuda/testing';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import type { Process } from '@alpaka-ts/core';
import { CUDAService, ProcessAcceleratorCUDA } from '@alpaka-ts/cuda-core';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it, vi } from 'vitest';
import { describeValues } from '../examples/example-host-modules';
import { automaticSwitchingProcess, gpuOnlyProcess } from '../examples/example-processes';
import { calibrated, expectedGpuOnlyLines, float32Values } from './expected-example-lines';
import { runExample } from './run-example';

/** The analyzers' printed lines of an example run, sorted. */
const linesOf = async (process: Process, streams = 1) => (await runExample(process, streams)).lines;

const mockService = (deviceCount = 1) => {
  const mock = createMockAcceleratorBackend({
    name: `mock_cuda_examples_${Math.random().toString(36).slice(2)}`,
    deviceCount,
    kernelRunner: serialKernelRunner,
  });
  return { mock, cuda: new CUDAService(mock) };
};

describe('the GPU-only configuration of the README examples', () => {
  it('on the mock: prints what the GPU computed, equal to the same arithmetic on the host', async () => {
    const { mock, cuda } = mockService();
    const options = { serviceOf: () => cuda, processAccelerator: new ProcessAcceleratorCUDA(cuda), size: 300 };
    expect(await linesOf(gpuOnlyProcess({ ...options, events: 3 }))).toEqual(expectedGpuOnlyLines(3, 300));
    // Per event: raw → GPU twice (calibration, isolated producer); the conditions once for the whole job.
    expect(mock.statistics().hostToDeviceCopies).toBe(2 * 3 + 1);
    // A stream per branch of the chain (calibrated → +10 → negated; doubled → − max; isolated; the first
    // consumer of each product continues on its stream), each given back at the end of the event and reused.
    expect(cuda.streamsCreated).toBe(4);
  });

  it('on the mock with 2 EDM streams on 2 devices: the same lines, the conditions copied once per device', async () => {
    const { mock, cuda } = mockService(2);
    const options = { serviceOf: () => cuda, processAccelerator: new ProcessAcceleratorCUDA(cuda), size: 50 };
    expect(await linesOf(gpuOnlyProcess({ ...options, events: 6 }), 2)).toEqual(expectedGpuOnlyLines(6, 50));
    expect(mock.statistics().hostToDeviceCopies).toBe(2 * 6 + 2);
  });

  it('on the stand-in CUDA driver: six launches per event on the streams the contexts chose', async () => {
    const standIn = standInCudaBackend();
    const cuda = new CUDAService(standIn.backend);
    const options = { serviceOf: () => cuda, processAccelerator: new ProcessAcceleratorCUDA(cuda), size: 64 };
    const lines = await linesOf(gpuOnlyProcess({ ...options, events: 2 }));
    // The stand-in does not run kernels, so the values are not checked; every analyzer printed its two lines.
    expect(lines).toHaveLength(10);
    const launches = standIn.launches.map((launch) => launch.entry);
    expect(launches.filter((entry) => entry.includes('exampleCalibrate'))).toHaveLength(2);
    // +10, negated, doubled, − maximum, and the isolated producer's × 3, per event.
    expect(launches.filter((entry) => entry.includes('exampleScale'))).toHaveLength(10);
    expect(cuda.streamsCreated).toBe(4);
  });
});

describe('the automatic switching configuration of the README examples', () => {
  it('puts the same numbers from the cuda case where gpu-nvidia is available and from the cpu case otherwise', async () => {
    const expected = [1, 2, 3].map((event) =>
      describeValues('exampleAnalyzer', event, float32Values(calibrated(event, 200))),
    );
    const { mock, cuda } = mockService();
    const options = { serviceOf: () => cuda, processAccelerator: new ProcessAcceleratorCUDA(cuda), size: 200 };
    expect(await linesOf(automaticSwitchingProcess(options))).toEqual(expected);
    expect(mock.statistics().hostToDeviceCopies).toBe(3 + 1);
    const cpuOnly = await linesOf(automaticSwitchingProcess({ ...options, accelerators: ['cpu'] }));
    expect(cpuOnly).toEqual(expected);
    // The cpu case ran: the GPU producer in its Task was never consumed, so nothing more reached the device.
    expect(mock.statistics().hostToDeviceCopies).toBe(3 + 1);
  });

  it('takes the cpu case without constructing a CUDA module where there is no NVIDIA GPU', async () => {
    const serviceOf = vi.fn(() => {
      throw new Error('no CUDA service on this machine');
    });
    const disabled = new CUDAService(createMockAcceleratorBackend({ name: 'mock_cuda_examples_off' }), {
      enabled: false,
    });
    const options = { serviceOf, processAccelerator: new ProcessAcceleratorCUDA(disabled), size: 10 };
    const lines = await linesOf(automaticSwitchingProcess(options));
    expect(lines).toEqual(
      [1, 2, 3].map((event) => describeValues('exampleAnalyzer', event, float32Values(calibrated(event, 10)))),
    );
    expect(serviceOf).not.toHaveBeenCalled();
  });
});
