// The CUDACore README's automatic switching between CPU and GPU (SwitchProducerCUDA):
//   alpaka-run examples/automatic-switching.ts [-- --driver=mock --accelerators=cpu --events=3]
import { exampleJobOptions } from './example-arguments';
import { automaticSwitchingProcess } from './example-processes';

export default () => automaticSwitchingProcess(exampleJobOptions());
