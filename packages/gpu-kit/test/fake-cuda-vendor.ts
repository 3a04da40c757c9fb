import type { GpuVendor } from '../src/gpu-vendor';

/** A CUDA-like vendor for backends over the stand-in addon, under a name of the test's own. */
export const fakeCudaVendor = (backendName: string): GpuVendor => ({
  backendName,
  accelerator: 'gpu-fake',
  acceleratorTypeName: 'AccGpuFake',
  platformName: 'cuda fake',
  maker: 'Fake',
  emitterTarget: 'cuda',
  compilerName: 'fakertc',
  cacheFolder: 'cuda',
  binaryExtension: 'bin',
  compileOptions: (architecture) => [`--arch=${architecture}`],
  isOutOfMemory: () => false,
});
