import { parseArgs } from 'node:util';
import { cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { configurationArguments } from '@alpaka-ts/core';
import { CUDAService, ProcessAcceleratorCUDA } from '@alpaka-ts/cuda-core';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import type { ExampleJobOptions } from './example-processes';

/**
 * The examples' configuration arguments (`alpaka-run examples/gpu-only.ts -- --driver=mock --events=5`):
 * `--driver cuda` (default: backend-cuda's cuda_async, an NVIDIA GPU) or `mock` (the mock accelerator of
 * @alpaka-ts/interface/testing, for machines without one), `--events`, `--size`, `--accelerators a,b`.
 */
export function exampleJobOptions(): ExampleJobOptions {
  const { values } = parseArgs({
    args: [...configurationArguments()],
    options: {
      driver: { type: 'string', default: 'cuda' },
      events: { type: 'string', default: '3' },
      size: { type: 'string', default: '1000' },
      accelerators: { type: 'string', default: '' },
    },
    strict: true,
  });
  const integer = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer, not '${text}'.`);
    return value;
  };
  const accelerators = values.accelerators === '' ? [] : values.accelerators.split(',');
  const events = integer('events', values.events);
  const size = integer('size', values.size);
  if (values.driver === 'mock') {
    const mock = createMockAcceleratorBackend({ name: 'mock_cuda_examples', kernelRunner: serialKernelRunner });
    const service = new CUDAService(mock);
    return {
      serviceOf: () => service,
      processAccelerator: new ProcessAcceleratorCUDA(service),
      accelerators,
      events,
      size,
    };
  }
  if (values.driver !== 'cuda') throw new Error(`--driver is cuda or mock, not '${values.driver}'.`);
  let service: CUDAService | undefined;
  return { serviceOf: () => (service ??= new CUDAService(cudaBackend)), accelerators, events, size };
}
