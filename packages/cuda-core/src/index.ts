// CMSSW keeps SwitchProducerCUDA beside the CUDA framework integration; the framework's switch machinery has it.
export { SwitchProducerCUDA } from '@alpaka-ts/core';
export { ContextState } from './context-state';
export { CUDAService } from './cuda-service';
export { ESProduct } from './es-product';
export {
  cudaHostAllocDefault,
  cudaHostAllocMapped,
  cudaHostAllocPortable,
  cudaHostAllocWriteCombined,
  makeDeviceUnique,
  makeHostNoncachedUnique,
  makeHostUnique,
} from './memory';
export { ProcessAcceleratorCUDA } from './process-accelerator-cuda';
export { Product, ProductBase } from './product';
export { ScopedContextAcquire } from './scoped-context-acquire';
export { ScopedContextAnalyze } from './scoped-context-analyze';
export { type ContextSource, ScopedContextBase } from './scoped-context-base';
export { ScopedContextProduce } from './scoped-context-produce';
export { type NextTask, ScopedContextTask } from './scoped-context-task';
