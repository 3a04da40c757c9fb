import type { CUDAService } from '@alpaka-ts/cuda-core';
import { createExampleCudaChain } from './example-cuda-chain';
import { createExampleCudaProducers } from './example-cuda-producers';
import {
  ExampleConditionsESProducer,
  ExampleHostAnalyzer,
  ExampleProducerCPU,
  ExampleRawProducer,
} from './example-host-modules';

/**
 * Every module of the CUDACore README's examples, the CUDA ones bound to the CUDAService `serviceOf` gives (asked
 * for when a CUDA module is constructed, so a job whose CUDA modules are never constructed needs no GPU).
 */
export function createExampleModules(serviceOf: () => CUDAService) {
  return {
    ExampleRawProducer,
    ExampleConditionsESProducer,
    ExampleProducerCPU,
    ExampleHostAnalyzer,
    ...createExampleCudaProducers(serviceOf),
    ...createExampleCudaChain(serviceOf),
  };
}
