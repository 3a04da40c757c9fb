// HeterogeneousCore/AlpakaTest/test/testAlpakaModulesHostAndDevice_cfg.py: the same producer on the job's
// backend and, as a clone, on serial_sync; TestAlpakaHostDeviceCompare checks that their x differ by exactly the
// difference of the xvalues configured for the two backends (0 when the job runs on serial_sync too).
//   alpaka-run testAlpakaModulesHostAndDevice.ts [-- --expectBackend=cuda_async …]
import { cms, type Process } from '@alpaka-ts/core';
import { expectedBackend, type PerBackend, parseAlpakaTestArguments, valueOn } from './alpaka-test-arguments';
import { alpakaTestProcess, recordSource } from './alpaka-test-process';

const xvalue: PerBackend<number> = { alpaka_serial_sync: 1.0, alpaka_cuda_async: 2.0, alpaka_rocm_async: 0.0 };

export default async function testAlpakaModulesHostAndDevice(): Promise<Process> {
  const args = parseAlpakaTestArguments('testAlpakaModulesHostAndDevice', 'Test the same module on host and device');
  const { process, accelerator } = alpakaTestProcess(args, 10);

  process.alpakaESRecordASource = recordSource('AlpakaESTestRecordA');
  process.esProducerA = cms.ESProducer('cms::alpakatest::TestESProducerA', { value: cms.int32(42) });
  process.alpakaESProducerA = cms.ESProducer('TestAlpakaESProducerA@alpaka');

  // Its size is the A ES product's (10 rows); x is the running backend's xvalue.
  const producer = cms.EDProducer('TestAlpakaGlobalProducerOffset@alpaka', {
    xvalue: cms.PSet({
      alpaka_serial_sync: cms.double(xvalue.alpaka_serial_sync),
      alpaka_cuda_async: cms.double(xvalue.alpaka_cuda_async),
      alpaka_rocm_async: cms.double(xvalue.alpaka_rocm_async),
    }),
  });
  if (args.moduleBackend !== '')
    producer.alpaka = cms.untracked.PSet({ backend: cms.untracked.string(args.moduleBackend) });
  process.producer = producer;
  process.producerHost = producer.clone({
    alpaka: cms.untracked.PSet({ backend: cms.untracked.string('serial_sync') }),
  });

  const backend = await expectedBackend(args, accelerator);
  process.compare = cms.EDAnalyzer('TestAlpakaHostDeviceCompare', {
    srcHost: cms.untracked.InputTag('producerHost'),
    srcDevice: cms.untracked.InputTag('producer'),
    expectedXdiff: cms.untracked.double(xvalue.alpaka_serial_sync - valueOn(xvalue, backend)),
  });

  process.t = cms.Task(process.producer, process.producerHost);
  process.p = cms.Path(process.compare, process.t);
  return process;
}
