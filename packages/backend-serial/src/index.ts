import { serialBackend } from './serial-backend';

export { cpuLaunchCounts, webAssemblyVariantCounts } from './compiled-launch';
export { type CpuEmitter, cpuEmitterChoice } from './cpu-emitter-choice';
export { acc1D, acc2D, acc3D, serialBackend } from './serial-backend';
export { serialKernelRunner } from './serial-kernel-runner';
export { serialLimits } from './serial-limits';
export default serialBackend;
