// The CUDACore README's GPU-only configuration over its example modules:
//   alpaka-run examples/gpu-only.ts [-- --driver=mock --events=3 --size=1000]
import { exampleJobOptions } from './example-arguments';
import { gpuOnlyProcess } from './example-processes';

export default () => gpuOnlyProcess(exampleJobOptions());
