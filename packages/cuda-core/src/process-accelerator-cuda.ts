import { ProcessAccelerator } from '@alpaka-ts/core';
import { CUDAService } from './cuda-service';

/**
 * CMSSW's ProcessAcceleratorCUDA (CUDACore/python/ProcessAcceleratorCUDA.py): the `gpu-nvidia` accelerator,
 * enabled when CUDA is enabled and has a device. A SwitchProducerCUDA then chooses its cuda case. The service is
 * the given one, or else one over `@alpaka-ts/backend-cuda`'s cuda_async (loaded when first asked; a machine
 * without an NVIDIA GPU or without the addon has no gpu-nvidia).
 */
export class ProcessAcceleratorCUDA extends ProcessAccelerator {
  readonly #service: CUDAService | undefined;

  constructor(service?: CUDAService) {
    super();
    this.#service = service;
  }

  labels(): readonly string[] {
    return ['gpu-nvidia'];
  }

  async enabledLabels(): Promise<readonly string[]> {
    try {
      const service = this.#service ?? new CUDAService((await import('@alpaka-ts/backend-cuda')).cudaBackend);
      return service.enabled && service.numberOfDevices > 0 ? ['gpu-nvidia'] : [];
    } catch {
      return [];
    }
  }

  override dumpConfiguration(variable: string) {
    return {
      importStatement: "import { ProcessAcceleratorCUDA } from '@alpaka-ts/cuda-core';",
      statements: [`const ${variable} = new ProcessAcceleratorCUDA();`],
    };
  }
}
