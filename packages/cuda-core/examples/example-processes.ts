import { cms, type Module, type Process } from '@alpaka-ts/core';
import { type CUDAService, ProcessAcceleratorCUDA, SwitchProducerCUDA } from '@alpaka-ts/cuda-core';
import { createExampleModules } from './example-modules';

// The configurations of the CUDACore README ("GPU-only configuration", "Automatic switching between CPU and
// GPU"), over the example modules; examples/gpu-only.ts and examples/automatic-switching.ts run them with
// alpaka-run, the tests with the mock accelerator.

export interface ExampleJobOptions {
  /** The CUDAService of the CUDA modules (asked for only when one is constructed). */
  readonly serviceOf: () => CUDAService;
  /** The gpu-nvidia accelerator (default: ProcessAcceleratorCUDA over backend-cuda's cuda_async). */
  readonly processAccelerator?: ProcessAcceleratorCUDA;
  readonly accelerators?: readonly string[];
  readonly events?: number;
  readonly size?: number;
}

/** The process with the example modules registered, the raw data, the conditions and their record's IOV. */
function exampleProcess(name: string, options: ExampleJobOptions): Process {
  const process = cms.Process(name);
  for (const [typeName, moduleClass] of Object.entries(createExampleModules(options.serviceOf))) {
    process.registerModule(moduleClass, typeName);
  }
  process.source = cms.Source('EmptySource');
  process.maxEvents.input = options.events ?? 3;
  if (options.accelerators !== undefined && options.accelerators.length > 0) {
    process.options = { accelerators: cms.untracked.vstring(...options.accelerators) };
  }
  process.ProcessAcceleratorCUDA = options.processAccelerator ?? new ProcessAcceleratorCUDA();
  process.conditionsSource = cms.ESSource('EmptyESSource', {
    recordName: cms.string('ExampleConditionsRecord'),
    iovIsRunNotTime: cms.bool(true),
    firstValid: cms.vuint32(1),
  });
  process.conditions = cms.ESProducer('ExampleConditionsESProducer', { factor: cms.double(2), offset: cms.double(1) });
  process.exampleRaw = cms.EDProducer('ExampleRawProducer', { size: cms.uint32(options.size ?? 1000) });
  return process;
}

const hostAnalyzer = (source: string, sum = false): Module =>
  cms.EDAnalyzer('ExampleHostAnalyzer', { src: cms.string(source), sum: cms.bool(sum) });

/**
 * "GPU-only configuration": every example on the GPU, in one Path: raw → calibrated on the GPU → (back on the
 * host | +10 with ExternalWork → negated without | doubled, then − maximum in a task chain), the isolated
 * producer beside them, each result printed by a host analyzer or the CUDA analyzer.
 */
export function gpuOnlyProcess(options: ExampleJobOptions): Process {
  const process = exampleProcess('GPUONLY', options);
  process.exampleCUDA = cms.EDProducer('ExampleProducerCUDA', { src: cms.string('exampleRaw') });
  process.exampleFromCUDA = cms.EDProducer('ExampleProducerFromCUDA', { src: cms.string('exampleCUDA') });
  process.isolated = cms.EDProducer('ExampleIsolatedProducerCUDA', { src: cms.string('exampleRaw') });
  process.inputOutput = cms.EDProducer('ExampleProducerInputOutputCUDA', { src: cms.string('exampleCUDA') });
  process.noExternalWork = cms.EDProducer('ExampleProducerNoExternalWorkCUDA', { src: cms.string('inputOutput') });
  process.taskChain = cms.EDProducer('ExampleProducerTaskChainCUDA', { src: cms.string('exampleCUDA') });
  process.fromCUDAAnalyzer = hostAnalyzer('exampleFromCUDA');
  process.isolatedAnalyzer = hostAnalyzer('isolated');
  process.firstAnalyzer = hostAnalyzer('inputOutput', true);
  process.noExternalWorkAnalyzer = cms.EDAnalyzer('ExampleAnalyzerCUDA', { src: cms.string('noExternalWork') });
  process.taskChainAnalyzer = cms.EDAnalyzer('ExampleAnalyzerCUDA', { src: cms.string('taskChain') });
  process.p = cms.Path(
    process.exampleRaw,
    process.exampleCUDA,
    process.exampleFromCUDA,
    process.isolated,
    process.inputOutput,
    process.noExternalWork,
    process.taskChain,
    process.fromCUDAAnalyzer,
    process.isolatedAnalyzer,
    process.firstAnalyzer,
    process.noExternalWorkAnalyzer,
    process.taskChainAnalyzer,
  );
  return process;
}

/**
 * "Automatic switching between CPU and GPU": `example` is the CPU calibration where there is no NVIDIA GPU (or the
 * job asks for cpu), else the GPU one copied back to the host; the GPU producer sits in a Task, so it runs only
 * when the cuda case consumes it. Both cases put the same numbers.
 */
export function automaticSwitchingProcess(options: ExampleJobOptions): Process {
  const process = exampleProcess('SWITCH', options);
  process.example = new SwitchProducerCUDA({
    cpu: cms.EDProducer('ExampleProducerCPU', { src: cms.string('exampleRaw') }),
    cuda: cms.EDProducer('ExampleProducerFromCUDA', { src: cms.string('exampleCUDA') }),
  });
  process.exampleCUDA = cms.EDProducer('ExampleProducerCUDA', { src: cms.string('exampleRaw') });
  process.exampleTaskCUDA = cms.Task(process.exampleCUDA);
  process.exampleTask = cms.Task(process.exampleRaw, process.example, process.exampleTaskCUDA);
  process.exampleAnalyzer = hostAnalyzer('example');
  process.p = cms.Path(process.exampleAnalyzer, process.exampleTask);
  return process;
}
