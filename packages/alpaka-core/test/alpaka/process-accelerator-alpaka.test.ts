import { registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProcessAcceleratorAlpaka } from '../../src/alpaka/process-accelerator-alpaka';
import { validateProcessDescription } from '../../src/cli/job-registry';
import { cms } from '../../src/configuration/cms';
import { formatConfiguration } from '../../src/configuration/format-configuration';
import type { Process } from '../../src/configuration/process';
import type { ModuleClass } from '../../src/modules/module-class';
import type { ConfigurationDescriptions } from '../../src/parameter-set/configuration-descriptions';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import type { EventProcessor } from '../../src/scheduling/event-processor-contract';
import { handleProcessAccelerators } from '../../src/scheduling/handle-process-accelerators';
import { AlpakaTestProducer, alpakaTestRegistry, seen } from './accelerator-test-modules';

beforeEach(() => {
  seen.length = 0;
});

/** A process with `producer` (TestProducer@alpaka unless told) and `recorder` on a Path. */
function alpakaProcess(options: { accelerators?: string[]; type?: string; alpaka?: Record<string, unknown> } = {}): {
  process: Process;
  accelerator: ProcessAcceleratorAlpaka;
} {
  const process = cms.Process('TEST');
  const accelerator = new ProcessAcceleratorAlpaka();
  process.ProcessAcceleratorAlpaka = accelerator;
  process.source = cms.Source('EmptySource');
  process.maxEvents = { input: cms.untracked.int32(2) };
  if (options.accelerators !== undefined) {
    process.options = { accelerators: cms.untracked.vstring(...options.accelerators) };
  }
  const parameters: Record<string, ReturnType<typeof cms.int32> | ReturnType<typeof cms.untracked.PSet>> = {
    value: cms.int32(5),
  };
  if (options.alpaka !== undefined) parameters.alpaka = cms.untracked.PSet(options.alpaka as never);
  process.producer = cms.EDProducer(options.type ?? 'AlpakaTestProducer@alpaka', parameters);
  process.recorder = cms.EDAnalyzer('IntRecorder', { source: cms.string('producer') });
  process.p = cms.Path(process.producer, process.recorder);
  return { process, accelerator };
}

async function runAll(processor: EventProcessor): Promise<void> {
  await processor.beginJob();
  try {
    await processor.run();
  } finally {
    await processor.endJob();
  }
}

describe('ProcessAcceleratorAlpaka at construction (the accelerator matrix of testAlpakaModules.sh)', () => {
  it("accelerators ['cpu']: @alpaka modules run as alpaka_serial_sync::, with the alpaka PSet filled in", async () => {
    const { process } = alpakaProcess({ accelerators: ['cpu'] });
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
    });
    expect(processor.selectedAccelerators).toEqual(['cpu']);
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
    await runAll(processor);
    expect(seen).toEqual(['producer: backend=serial_sync synchronize=false', 'recorder=5', 'recorder=5']);
  });

  it("accelerators ['gpu-nvidia'] on a machine without one: 8035 with CMSSW's message", async () => {
    const { process } = alpakaProcess({ accelerators: ['gpu-nvidia'] });
    const failure = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      category: 'UnavailableAccelerator',
      exitCode: 8035,
      message:
        'The system has no compute accelerators that match the patterns specified in process.options.accelerators:\n' +
        ' gpu-nvidia\n\nThe following compute accelerators are available:\n cpu\n',
    });
  });

  it('the probe finds cpu (backend-serial is installed) and no GPU here', async () => {
    const accelerator = new ProcessAcceleratorAlpaka();
    const labels = await accelerator.enabledLabels();
    expect(labels).toContain('cpu');
    expect(labels).not.toContain('gpu-nvidia');
    expect(labels).not.toContain('gpu-amd');
    // Probed once per process.
    expect(accelerator.enabledLabels()).toBe(accelerator.enabledLabels());
    expect(accelerator.labels()).toEqual(expect.arrayContaining(['cpu', 'gpu-nvidia', 'gpu-amd']));
  });

  it("with a GPU available (availableAccelerators), '*' makes cuda_async the default, and 'cpu' keeps serial_sync", async () => {
    const registry = alpakaTestRegistry('serial_sync', 'cuda_async');
    const everything = await createEventProcessor(alpakaProcess().process.toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(everything.description.modules.get('producer')?.type).toBe('alpaka_cuda_async::AlpakaTestProducer');
    const cpu = await createEventProcessor(alpakaProcess({ accelerators: ['cpu'] }).process.toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(cpu.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
  });

  it('setBackend chooses a valid backend, and fails an unavailable one with 8035', async () => {
    const registry = alpakaTestRegistry('serial_sync', 'cuda_async');
    const valid = alpakaProcess();
    valid.accelerator.setBackend('serial_sync');
    const processor = await createEventProcessor(valid.process.toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');

    const invalid = alpakaProcess();
    invalid.accelerator.setBackend('rocm_async');
    await expect(createEventProcessor(invalid.process.toDescription(), { registry })).rejects.toMatchObject({
      exitCode: 8035,
      message: expect.stringMatching(/^The ProcessAcceleratorAlpaka was configured to use rocm_async backend, but/),
    });
  });

  it("a module's explicit backend: kept when valid, 8035 naming the module when unavailable", async () => {
    const registry = alpakaTestRegistry('serial_sync', 'cuda_async');
    const valid = alpakaProcess({ alpaka: { backend: cms.untracked.string('serial_sync') } });
    const processor = await createEventProcessor(valid.process.toDescription(), {
      registry,
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');

    const unavailable = alpakaProcess({ alpaka: { backend: cms.untracked.string('cuda_async') } });
    await expect(createEventProcessor(unavailable.process.toDescription(), { registry })).rejects.toMatchObject({
      category: 'UnavailableAccelerator',
      exitCode: 8035,
      message: expect.stringMatching(/^Module producer has the Alpaka backend set explicitly, but its accelerator/),
    });
  });

  it("synchronize: the process's setSynchronize reaches modules that do not set it; an explicit value wins", async () => {
    const registry = alpakaTestRegistry('serial_sync');
    const fromProcess = alpakaProcess();
    fromProcess.accelerator.setSynchronize(true);
    await createEventProcessor(fromProcess.process.toDescription(), { registry });
    const explicit = alpakaProcess({ alpaka: { synchronize: cms.untracked.bool(false) } });
    explicit.accelerator.setSynchronize(true);
    await createEventProcessor(explicit.process.toDescription(), { registry });
    expect(seen).toEqual([
      'producer: backend=serial_sync synchronize=true',
      'producer: backend=serial_sync synchronize=false',
    ]);
  });

  it('an explicit alpaka_serial_sync:: type is left alone, even where a GPU would be the default', async () => {
    const { process } = alpakaProcess({ type: 'alpaka_serial_sync::AlpakaTestProducer' });
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
      availableAccelerators: ['cpu', 'gpu-nvidia'],
    });
    const producer = processor.description.modules.get('producer');
    expect(producer?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
    await runAll(processor);
    // The description's alpaka PSet comes from modulePrevalidate's defaults: backend '' and no synchronize.
    expect(seen[0]).toBe('producer: backend= synchronize=undefined');
  });

  it('a registered mock accelerator backend is probed and chosen before cpu', async () => {
    const name = `mock_async_${Math.random().toString(36).slice(2)}`;
    registerBackend(createMockAcceleratorBackend({ name }));
    const { process, accelerator } = alpakaProcess();
    expect(await accelerator.enabledLabels()).toContain('gpu-mock');
    const processor = await createEventProcessor(process.toDescription(), { registry: alpakaTestRegistry(name) });
    expect(processor.selectedAccelerators).toEqual(['cpu', 'gpu-mock']);
    expect(processor.description.modules.get('producer')?.type).toBe(`alpaka_${name}::AlpakaTestProducer`);
    await runAll(processor);
    expect(seen).toEqual([`producer: backend=${name} synchronize=false`, 'recorder=5', 'recorder=5']);
  });

  it('without a ProcessAccelerator, availableAccelerators still overrides and the modules are not rewritten', async () => {
    const process = cms.Process('TEST');
    process.source = cms.Source('EmptySource');
    process.producer = cms.EDProducer('alpaka_serial_sync::AlpakaTestProducer');
    process.p = cms.Path(process.producer);
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
      availableAccelerators: ['cpu', 'gpu-amd'],
    });
    expect(processor.selectedAccelerators).toEqual(['cpu', 'gpu-amd']);
    expect(processor.description.processAccelerators).toEqual([]);
  });
});

describe('ProcessAcceleratorAlpaka beyond ED modules', () => {
  it('rewrites ES modules too, before the EventSetup is built', async () => {
    const { process } = alpakaProcess();
    process.esProducer = cms.ESProducer('AlpakaTestESProducer@alpaka');
    const handled = await handleProcessAccelerators(process.toDescription(), ['cpu']);
    const esProducer = handled.description.eventSetupModules.find((module) => module.label === 'esProducer');
    expect(esProducer?.type).toBe('alpaka_serial_sync::AlpakaTestESProducer');
    expect(esProducer?.parameters.getUntrackedParameter<ParameterSet>('alpaka').getUntrackedParameter('backend')).toBe(
      'serial_sync',
    );
  });

  it('--dump-config validates an @alpaka module with a backend class, inserting the alpaka PSet defaults', async () => {
    const description = alpakaProcess().process.toDescription();
    await validateProcessDescription(description, alpakaTestRegistry('cuda_async', 'serial_sync'));
    const producer = description.modules.get('producer');
    expect(producer?.type).toBe('AlpakaTestProducer@alpaka');
    expect(producer?.parameters.getUntrackedParameter<ParameterSet>('alpaka').getUntrackedParameter('backend')).toBe(
      '',
    );
    expect(formatConfiguration(description)).toContain(
      'alpaka: cms.untracked.PSet({\n    backend: cms.untracked.string(""),\n  }),',
    );
  });

  it('--dump-config prefers the class registered under the plain name (the one every backend binds)', async () => {
    const description = alpakaProcess().process.toDescription();
    const registry = alpakaTestRegistry();
    class Unbound extends AlpakaTestProducer {
      static override fillDescriptions(descriptions: ConfigurationDescriptions): void {
        const own = new ParameterSetDescription();
        own.add('value', 'int32', 11);
        own.add('onlyInTheUnboundClass', 'bool', true);
        descriptions.addWithDefaultLabel(own);
      }
    }
    registry.register(Unbound as unknown as ModuleClass, 'AlpakaTestProducer');
    await validateProcessDescription(description, registry);
    expect(description.modules.get('producer')?.parameters.getParameter('onlyInTheUnboundClass')).toBe(true);
  });
});
