import type { Module } from './module-builders';
import { type SwitchCaseFunction, SwitchProducer } from './switch-producer';

/** HeterogeneousCore/CUDACore/python/SwitchProducerCUDA.py's `_switch_cuda`: enabled with an NVIDIA GPU. */
const switchCuda: SwitchCaseFunction = (accelerators) => [accelerators.includes('gpu-nvidia'), 2];

/**
 * CMSSW's `SwitchProducerCUDA(cpu = …, cuda = …)`: the cuda case when the job has `gpu-nvidia` among its
 * selected accelerators, else the cpu case.
 */
export class SwitchProducerCUDA extends SwitchProducer {
  constructor(cases: { readonly cpu?: Module; readonly cuda?: Module }) {
    super(
      { cpu: SwitchProducer.getCpu(), cuda: switchCuda },
      cases as Readonly<Record<string, Module>>,
      'SwitchProducerCUDA',
    );
  }
}
