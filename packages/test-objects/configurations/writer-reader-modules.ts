// What writer.ts and reader.ts share: the producers' sizes and the analyzers that check their products, the
// same in the job that makes them and in the job that reads them back.
import { cms, type Module, type Process } from '@alpaka-ts/core';

export const testProducerSizes = {
  device: { size: 42, size2: 33, size3: 61 },
  serial: { size: 99, size2: 51, size3: 43 },
} as const;

/** Adds the four analyzers to the process; returns them by path (the producers' own, then the serial clone's). */
export function writerReaderAnalyzers(process: Process): { device: Module[]; serial: Module[] } {
  process.testAnalyzer = cms.EDAnalyzer('TestAlpakaAnalyzer', {
    source: cms.InputTag('testProducer'),
    expectSize: cms.int32(testProducerSizes.device.size),
  });
  process.testObjectAnalyzer = cms.EDAnalyzer('TestAlpakaObjectAnalyzer', { source: cms.InputTag('testProducer') });
  process.testAnalyzerSerial = cms.EDAnalyzer('TestAlpakaAnalyzer', {
    source: cms.InputTag('testProducerSerial'),
    expectSize: cms.int32(testProducerSizes.serial.size),
    expectBackend: cms.string('SerialSync'),
  });
  process.testObjectAnalyzerSerial = cms.EDAnalyzer('TestAlpakaObjectAnalyzer', {
    source: cms.InputTag('testProducerSerial'),
    expectBackend: cms.string('SerialSync'),
  });
  return {
    device: [process.testAnalyzer, process.testObjectAnalyzer] as Module[],
    serial: [process.testAnalyzerSerial, process.testObjectAnalyzerSerial] as Module[],
  };
}
