// HeterogeneousCore/AlpakaTest/test/writer.py: TestAlpakaProducer on the job's backend (sizes 42, 33, 61; its
// products copied to the host where it ran on a device) and a serial_sync clone (99, 51, 43), each read by a
// TestAlpakaAnalyzer and a TestAlpakaObjectAnalyzer (the clone's expecting SerialSync), and every product written
// with `keep *` by ArrowOutputModule (CMSSW: PoolOutputModule into test.root). reader.ts reads it back.
//   alpaka-run writer.ts [-- --fileName=test.arrow --moduleBackend=serial_sync …]
import { cms, type Process } from '@alpaka-ts/core';
import { makeSerialClone } from '@alpaka-ts/core/alpaka';
import { parseAlpakaTestArguments } from './alpaka-test-arguments';
import { alpakaTestProcess } from './alpaka-test-process';
import { testProducerSizes, writerReaderAnalyzers } from './writer-reader-modules';

export default function writer(): Process {
  const args = parseAlpakaTestArguments('writer', 'Write the products of TestAlpakaProducer to an Arrow file');
  const { process } = alpakaTestProcess(args, 10);
  process.testProducer = cms.EDProducer('TestAlpakaProducer@alpaka', {
    size: cms.int32(testProducerSizes.device.size),
    size2: cms.int32(testProducerSizes.device.size2),
    size3: cms.int32(testProducerSizes.device.size3),
  });
  if (args.moduleBackend !== '')
    process.testProducer.alpaka = cms.untracked.PSet({ backend: cms.untracked.string(args.moduleBackend) });
  process.testProducerSerial = makeSerialClone(process.testProducer, {
    size: cms.int32(testProducerSizes.serial.size),
    size2: cms.int32(testProducerSizes.serial.size2),
    size3: cms.int32(testProducerSizes.serial.size3),
  });
  const analyzers = writerReaderAnalyzers(process);
  process.output = cms.OutputModule('ArrowOutputModule', {
    fileName: cms.untracked.string(args.fileName),
    outputCommands: cms.untracked.vstring('keep *'),
  });
  process.process_path = cms.Path(process.testProducer, ...analyzers.device);
  process.serial_path = cms.Path(process.testProducerSerial, ...analyzers.serial);
  process.output_path = cms.EndPath(process.output);
  return process;
}
