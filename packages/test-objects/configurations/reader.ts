// HeterogeneousCore/AlpakaTest/test/reader.py: reads what writer.ts wrote (ArrowSource; CMSSW: PoolSource from
// test.root) and checks it with the same analyzers: the products of both producers, host collections and
// objects as the writer's analyzers saw them, the serial clone's backend SerialSync.
//   alpaka-run reader.ts [-- --fileName=test.arrow]
import { cms, type Process } from '@alpaka-ts/core';
import { parseAlpakaTestArguments } from './alpaka-test-arguments';
import { writerReaderAnalyzers } from './writer-reader-modules';

export default function reader(): Process {
  const args = parseAlpakaTestArguments('reader', 'Read the products writer.ts wrote and check them');
  const process = cms.Process('READ');
  process.source = cms.Source('ArrowSource', { fileNames: cms.untracked.vstring(args.fileName) });
  const analyzers = writerReaderAnalyzers(process);
  process.process_path = cms.Path(...analyzers.device);
  process.serial_path = cms.Path(...analyzers.serial);
  return process;
}
