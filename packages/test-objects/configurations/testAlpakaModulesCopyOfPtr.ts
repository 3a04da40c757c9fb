// HeterogeneousCore/AlpakaTest/test/testAlpakaModulesCopyOfPtr_cfg.py: a product holding a pointer into its
// own buffer, copied to the host (where CopyToHost's postCopy re-points it) and checked there.
//   alpaka-run testAlpakaModulesCopyOfPtr.ts [-- --moduleBackend=serial_sync …]
import { cms, type Process } from '@alpaka-ts/core';
import { ProcessAcceleratorAlpaka } from '@alpaka-ts/core/alpaka';
import { parseAlpakaTestArguments } from './alpaka-test-arguments';

export default function testAlpakaModulesCopyOfPtr(): Process {
  const args = parseAlpakaTestArguments('testAlpakaModulesCopyOfPtr', 'Test a product with a pointer to itself');
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource', { firstRun: cms.untracked.uint32(args.run) });
  process.maxEvents.input = 3;
  if (args.accelerators.length > 0) process.options.accelerators = [...args.accelerators];
  const accelerator = new ProcessAcceleratorAlpaka();
  process.ProcessAcceleratorAlpaka = accelerator;
  if (args.processAcceleratorBackend !== '') accelerator.setBackend(args.processAcceleratorBackend);

  const producer = cms.EDProducer('TestAlpakaGlobalProducerWithPtr@alpaka', { size: cms.int32(32) });
  if (args.moduleBackend !== '')
    producer.alpaka = cms.untracked.PSet({ backend: cms.untracked.string(args.moduleBackend) });
  process.producer = producer;
  process.analyzer = cms.EDAnalyzer('TestAlpakaAnalyzerProductWithPtr', { src: cms.InputTag('producer') });

  process.t = cms.Task(process.producer);
  process.p = cms.Path(process.analyzer, process.t);
  return process;
}
