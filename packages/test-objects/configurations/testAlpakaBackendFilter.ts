// AlpakaBackendFilter as the HLT menus use it (Status_OnCPU / Status_OnGPU): AlpakaBackendProducer@alpaka puts
// the backend the job runs on, and the filter passes the events of the backends it lists. Each path ends with
// a TestAlpakaAnalyzer expecting that path's backend, so an event let through on the wrong backend fails the job.
//   alpaka-run testAlpakaBackendFilter.ts --wantSummary [-- --moduleBackend=serial_sync …]
import { cms, type Process } from '@alpaka-ts/core';
import { parseAlpakaTestArguments } from './alpaka-test-arguments';
import { alpakaTestProcess } from './alpaka-test-process';

const sizes = { size: 10, size2: 20, size3: 30 } as const;
const gpuBackends = ['CudaAsync', 'ROCmAsync'];
const hostBackend = 'SerialSync';

export default function testAlpakaBackendFilter(): Process {
  const args = parseAlpakaTestArguments('testAlpakaBackendFilter', 'Test AlpakaBackendFilter');
  const { process } = alpakaTestProcess(args, 10);
  const moduleAlpaka =
    args.moduleBackend === ''
      ? {}
      : { alpaka: cms.untracked.PSet({ backend: cms.untracked.string(args.moduleBackend) }) };

  process.backendProducer = cms.EDProducer('AlpakaBackendProducer@alpaka', moduleAlpaka);
  process.statusOnGPUFilter = cms.EDFilter('AlpakaBackendFilter', {
    producer: cms.InputTag('backendProducer', 'backend'),
    backends: cms.vstring(...gpuBackends),
  });
  process.producer = cms.EDProducer('TestAlpakaProducer@alpaka', {
    size: cms.int32(sizes.size),
    size2: cms.int32(sizes.size2),
    size3: cms.int32(sizes.size3),
    ...moduleAlpaka,
  });
  const analyzer = (expectBackend: string) =>
    cms.EDAnalyzer('TestAlpakaAnalyzer', {
      source: cms.InputTag('producer'),
      expectSize: cms.int32(sizes.size),
      expectBackend: cms.string(expectBackend),
    });
  // The analyzers run only where the filter lets the event through: on a GPU one expects a GPU backend
  // (CudaAsync here: the filter passes ROCmAsync too, and only an NVIDIA machine is tested), on the host SerialSync.
  process.analyzerOnCPU = analyzer(hostBackend);
  process.analyzerOnGPU = analyzer(gpuBackends[0] as string);

  process.t = cms.Task(process.producer);
  process.Status_OnCPU = cms.Path(
    process.backendProducer,
    cms.veto(process.statusOnGPUFilter),
    process.analyzerOnCPU,
    process.t,
  );
  process.Status_OnGPU = cms.Path(process.backendProducer, process.statusOnGPUFilter, process.analyzerOnGPU, process.t);
  return process;
}
