import type { Event } from '@alpaka-ts/core';
import { cms, global, namedProductType } from '@alpaka-ts/core';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { CUDAService, ProcessAcceleratorCUDA, ScopedContextProduce, SwitchProducerCUDA } from '../src';
import { cuda, journal, runJob, setUpCuda } from './cuda-modules';

const Values = namedProductType<number[]>('Values');

class CpuValues extends global.EDProducer {
  readonly #output = this.produces(Values);
  produce(_stream: number, event: Event): void {
    journal.push('cpu case');
    event.put(this.#output, [event.id().event]);
  }
}

class CudaValues extends global.EDProducer {
  readonly #output = this.produces(Values);
  produce(_stream: number, event: Event): void {
    using context = new ScopedContextProduce(cuda, event);
    journal.push(`cuda case on device ${cuda.devices.indexOf(context.device)}`);
    event.put(this.#output, [event.id().event]);
  }
}

const switched = (accelerator: ProcessAcceleratorCUDA, accelerators?: string) =>
  runJob(
    (process) => {
      process.maxEvents.input = 1;
      if (accelerators !== undefined) process.options = { accelerators: cms.untracked.vstring(accelerators) };
      process.ProcessAcceleratorCUDA = accelerator;
      process.values = new SwitchProducerCUDA({ cpu: cms.EDProducer('CpuValues'), cuda: cms.EDProducer('CudaValues') });
      process.p = cms.Path(process.values);
    },
    1,
    [CpuValues, CudaValues],
  );

describe('ProcessAcceleratorCUDA and SwitchProducerCUDA', () => {
  it('choose the cuda case where CUDA has a device, and the cpu case where the job asks for cpu only', async () => {
    setUpCuda();
    expect(await switched(new ProcessAcceleratorCUDA(cuda))).toBeUndefined();
    expect(journal).toEqual(['cuda case on device 0']);
    journal.length = 0;
    expect(await switched(new ProcessAcceleratorCUDA(cuda), 'cpu')).toBeUndefined();
    expect(journal).toEqual(['cpu case']);
  });

  it('have no gpu-nvidia where CUDA is disabled, or where the real cuda_async finds no GPU', async () => {
    setUpCuda();
    const disabled = new CUDAService(createMockAcceleratorBackend({ name: 'mock_cuda_disabled' }), { enabled: false });
    expect(await new ProcessAcceleratorCUDA(disabled).enabledLabels()).toEqual([]);
    expect(await switched(new ProcessAcceleratorCUDA(disabled))).toBeUndefined();
    expect(journal).toEqual(['cpu case']);
    // The default service is backend-cuda's cuda_async: gpu-nvidia exactly where its probe finds a GPU (not in CI).
    const { cudaBackend } = await import('@alpaka-ts/backend-cuda');
    const expected = cudaBackend.probe().available ? ['gpu-nvidia'] : [];
    expect(await new ProcessAcceleratorCUDA().enabledLabels()).toEqual(expected);
  });
});
