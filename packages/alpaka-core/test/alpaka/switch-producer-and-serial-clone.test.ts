import { beforeEach, describe, expect, it } from 'vitest';
import { makeSerialClone } from '../../src/alpaka/make-serial-clone';
import { ProcessAcceleratorAlpaka } from '../../src/alpaka/process-accelerator-alpaka';
import { cms } from '../../src/configuration/cms';
import { SwitchProducerCUDA } from '../../src/configuration/switch-producer-cuda';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { alpakaTestRegistry, seen } from './accelerator-test-modules';

beforeEach(() => {
  seen.length = 0;
});

function switchProcess() {
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource');
  process.maxEvents = { input: cms.untracked.int32(1) };
  process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
  process.ints = new SwitchProducerCUDA({
    cpu: cms.EDProducer('alpaka_serial_sync::AlpakaTestProducer', { value: cms.int32(1) }),
    cuda: cms.EDProducer('alpaka_cuda_async::AlpakaTestProducer', { value: cms.int32(2) }),
  });
  process.recorder = cms.EDAnalyzer('IntRecorder', { source: cms.string('ints') });
  process.p = cms.Path(process.ints, process.recorder);
  return process;
}

describe('SwitchProducer (SwitchProducerCUDA): a case chosen at start-up', () => {
  it('the cpu case runs under the switch label on a machine without an NVIDIA GPU', async () => {
    const processor = await createEventProcessor(switchProcess().toDescription(), {
      registry: alpakaTestRegistry('serial_sync', 'cuda_async'),
    });
    expect(processor.description.modules.get('ints')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
    await processor.beginJob();
    await processor.run();
    await processor.endJob();
    expect(seen).toEqual(['ints: backend= synchronize=undefined', 'recorder=1']);
  });

  it('the cuda case wins when gpu-nvidia is selected, and cpu when the job asks for cpu only', async () => {
    const registry = alpakaTestRegistry('serial_sync', 'cuda_async');
    const gpu = await createEventProcessor(switchProcess().toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(gpu.description.modules.get('ints')?.type).toBe('alpaka_cuda_async::AlpakaTestProducer');
    expect(gpu.description.modules.get('ints')?.parameters.getParameter('value')).toBe(2);

    const cpuOnly = switchProcess();
    cpuOnly.options = { accelerators: cms.untracked.vstring('cpu') };
    const cpu = await createEventProcessor(cpuOnly.toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(cpu.description.modules.get('ints')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
  });

  it('holds a SwitchProducer placeholder in the description until then, with its cases', () => {
    const description = switchProcess().toDescription();
    expect(description.modules.get('ints')?.type).toBe('SwitchProducer');
    expect(description.modules.get('ints')?.parameters.getParameter('@all_cases')).toEqual(['ints@cpu', 'ints@cuda']);
    expect(description.switchProducers?.[0]?.cases.map((c) => [c.name, c.module.label])).toEqual([
      ['cpu', 'ints'],
      ['cuda', 'ints'],
    ]);
  });

  it("refuses a case its functions do not know, and a job where every case is disabled (Python's errors)", async () => {
    expect(() => new cms.SwitchProducer({ cpu: cms.SwitchProducer.getCpu() }, { gpu: cms.EDProducer('X') })).toThrow(
      /Case 'gpu' is not allowed \(allowed ones are cpu\)/,
    );
    const process = cms.Process('TEST');
    process.source = cms.Source('EmptySource');
    process.s = new SwitchProducerCUDA({ cuda: cms.EDProducer('alpaka_cuda_async::AlpakaTestProducer') });
    process.p = cms.Path(process.s);
    await expect(
      createEventProcessor(process.toDescription(), { registry: alpakaTestRegistry('cuda_async') }),
    ).rejects.toThrow(/All cases '\['cuda'\]' were disabled/);
  });

  it('clones with cloned cases, keeping the case functions', () => {
    const original = new SwitchProducerCUDA({ cpu: cms.EDProducer('P', { value: cms.int32(1) }) });
    const copy = original.clone();
    expect(copy).not.toBe(original);
    expect(copy.case_('cpu')).not.toBe(original.case_('cpu'));
    expect(copy.cases_()).toEqual(['cpu']);
    expect(copy.chooseCase(['cpu', 'gpu-nvidia'])).toBe('cpu');
    expect(() => original.clone({ value: 2 })).toThrow(/A SwitchProducer has no parameters to override/);
  });

  it('a case may be an @alpaka module: it is resolved after the choice', async () => {
    const process = cms.Process('TEST');
    process.source = cms.Source('EmptySource');
    process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
    process.s = new SwitchProducerCUDA({ cpu: cms.EDProducer('AlpakaTestProducer@alpaka') });
    process.t = cms.Task(process.s);
    process.p = cms.Path().associate(process.t);
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
    });
    expect(processor.description.modules.get('s')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
  });
});

describe('makeSerialClone', () => {
  it('forces serial_sync on an @alpaka module, drops its alpaka PSet and applies overrides', () => {
    const original = cms.EDProducer('AlpakaTestProducer@alpaka', {
      value: cms.int32(42),
      alpaka: cms.untracked.PSet({ backend: cms.untracked.string('cuda_async') }),
    });
    const clone = makeSerialClone(original, { value: 99 });
    expect(clone.type_()).toBe('alpaka_serial_sync::AlpakaTestProducer');
    expect(clone.parameterNames_()).toEqual(['value']);
    expect(clone.getParameter('value')?.value()).toBe(99);
    expect(original.getParameter('value')?.value()).toBe(42);
    expect(original.parameterNames_()).toEqual(['value', 'alpaka']);
  });

  it('turns explicit alpaka_<backend>:: types into serial ones, and refuses other modules', () => {
    expect(makeSerialClone(cms.EDProducer('alpaka_cuda_async::P')).type_()).toBe('alpaka_serial_sync::P');
    expect(makeSerialClone(cms.EDProducer('alpaka_rocm_async::P')).type_()).toBe('alpaka_serial_sync::P');
    expect(() => makeSerialClone(cms.EDProducer('IntProducer'))).toThrow(
      /IntProducer"\) is not an alpaka-based module, and cannot be used with makeSerialClone\(\)/,
    );
  });

  it('a serial clone stays serial where the resolver would choose a GPU (writer.py)', async () => {
    const process = cms.Process('TEST');
    process.source = cms.Source('EmptySource');
    process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
    process.producer = cms.EDProducer('AlpakaTestProducer@alpaka', { value: cms.int32(42) });
    process.producerSerial = makeSerialClone(process.producer as never, { value: 3 });
    process.p = cms.Path(process.producer, process.producerSerial);
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync', 'cuda_async'),
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_cuda_async::AlpakaTestProducer');
    const serial = processor.description.modules.get('producerSerial');
    expect(serial?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
    expect(serial?.parameters.getParameter('value')).toBe(3);
  });
});
