// HeterogeneousCore/AlpakaTest/test/testAlpakaModulesCopyOfPtr_cfg.py: a product holding a pointer into its
// own buffer, copied to the host (where CopyToHost's postCopy re-points it) and checked there.
//   alpaka-run testAlpakaModulesCopyOfPtr.ts [-- --moduleBackend=serial_sync …]
import { cms, type Process } from '@alpaka-ts/core';
import { parseAlpakaTestArguments } from './alpaka-test-arguments';
import { alpakaTestProcess } from './alpaka-test-process';

export default function testAlpakaModulesCopyOfPtr(): Process {
  const args = parseAlpakaTestArguments('testAlpakaModulesCopyOfPtr', 'Test a product with a pointer to itself');
  const { process } = alpakaTestProcess(args, 3);

  const producer = cms.EDProducer('TestAlpakaGlobalProducerWithPtr@alpaka', { size: cms.int32(32) });
  if (args.moduleBackend !== '')
    producer.alpaka = cms.untracked.PSet({ backend: cms.untracked.string(args.moduleBackend) });
  process.producer = producer;
  process.analyzer = cms.EDAnalyzer('TestAlpakaAnalyzerProductWithPtr', { src: cms.InputTag('producer') });

  process.t = cms.Task(process.producer);
  process.p = cms.Path(process.analyzer, process.t);
  return process;
}
