import { describe, expect, it } from 'vitest';
import { ProcessAcceleratorAlpaka } from '../../src/alpaka/process-accelerator-alpaka';
import { adoptDescription } from '../../src/configuration/adopt-description';
import { cms } from '../../src/configuration/cms';
import { formatConfiguration } from '../../src/configuration/format-configuration';
import { type ModuleTypeResolver, ProcessAccelerator } from '../../src/configuration/process-accelerator';
import type { ModuleDescription, ProcessDescription } from '../../src/configuration/process-description';
import { SwitchProducerCUDA } from '../../src/configuration/switch-producer-cuda';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { IntProducer } from '../scheduling/int-modules';
import { makeRegistry as makeBareRegistry } from '../scheduling/make-process';

const makeRegistry = () => makeBareRegistry(IntProducer);

/** An accelerator that knows 'gpu-fake', finds it, renames modules of type 'Fake@x', and records apply(). */
class FakeAccelerator extends ProcessAccelerator {
  readonly applied: string[][] = [];
  constructor(readonly resolves = true) {
    super();
  }
  labels(): string[] {
    return ['gpu-fake', 'gpu-other'];
  }
  async enabledLabels(): Promise<string[]> {
    return ['gpu-fake'];
  }
  override moduleTypeResolver(): ModuleTypeResolver | undefined {
    if (!this.resolves) return undefined;
    return {
      setModuleVariant: (module: ModuleDescription) =>
        module.type === 'Fake@x' ? { ...module, type: 'IntProducer' } : module,
    };
  }
  override apply(description: ProcessDescription, selected: readonly string[]): ProcessDescription {
    this.applied.push([...selected]);
    return description;
  }
}

function fakeProcess(...accelerators: ProcessAccelerator[]) {
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource');
  accelerators.forEach((accelerator, index) => {
    process[`accelerator${index}`] = accelerator;
  });
  process.producer = cms.EDProducer('Fake@x');
  process.p = cms.Path(process.producer);
  return process;
}

describe('cms.ProcessAccelerator as a labelled component', () => {
  it('takes its label from the attribute and appears in the description in definition order', () => {
    const alpaka = new ProcessAcceleratorAlpaka();
    const fake = new FakeAccelerator();
    const process = cms.Process('TEST');
    process.ProcessAcceleratorAlpaka = alpaka;
    process.fake = fake;
    expect(alpaka.label_()).toBe('ProcessAcceleratorAlpaka');
    expect(process.labels_()).toEqual(['ProcessAcceleratorAlpaka', 'fake']);
    const description = process.toDescription();
    expect(description.processAccelerators).toEqual([alpaka, fake]);
    expect(description.modules.size).toBe(0);
    expect(adoptDescription(description).processAccelerators).toEqual([alpaka, fake]);
    expect(() => {
      process.other = alpaka;
    }).toThrow(/Attempting to change the label of an attribute of the Process/);
  });

  it('construct() asks each accelerator: cpu plus its enabledLabels, its resolver, then its apply()', async () => {
    const fake = new FakeAccelerator();
    const processor = await createEventProcessor(fakeProcess(fake).toDescription(), { registry: makeRegistry() });
    expect(processor.selectedAccelerators).toEqual(['cpu', 'gpu-fake']);
    expect(processor.description.modules.get('producer')?.type).toBe('IntProducer');
    expect(fake.applied).toEqual([['cpu', 'gpu-fake']]);
  });

  it('availableAccelerators replaces the probe', async () => {
    const fake = new FakeAccelerator();
    const processor = await createEventProcessor(fakeProcess(fake).toDescription(), {
      registry: makeRegistry(),
      availableAccelerators: ['cpu'],
    });
    expect(processor.selectedAccelerators).toEqual(['cpu']);
    expect(fake.applied).toEqual([['cpu']]);
  });

  it('refuses two accelerators that both give a module type resolver (LogicError)', async () => {
    const description = fakeProcess(new FakeAccelerator(), new FakeAccelerator()).toDescription();
    await expect(createEventProcessor(description, { registry: makeRegistry() })).rejects.toMatchObject({
      category: 'LogicError',
      exitCode: 8010,
      message: expect.stringContaining(
        'Module type resolver was already set by FakeAccelerator (process.accelerator0)',
      ),
    });
    const oneResolver = fakeProcess(new FakeAccelerator(), new FakeAccelerator(false)).toDescription();
    await expect(createEventProcessor(oneResolver, { registry: makeRegistry() })).resolves.toBeDefined();
  });
});

describe('cms.Service', () => {
  it('is labelled like a module and goes to the description services, not the EventSetup', () => {
    const process = cms.Process('TEST');
    process.AlpakaServiceSerialSync = cms.Service('AlpakaServiceSerialSync', { verbose: cms.untracked.bool(true) });
    const description = process.toDescription();
    expect(description.services?.map((service) => [service.label, service.type, service.edmType])).toEqual([
      ['AlpakaServiceSerialSync', 'AlpakaServiceSerialSync', 'Service'],
    ]);
    expect(description.services?.[0]?.parameters.getUntrackedParameter('verbose')).toBe(true);
    expect(description.eventSetupModules).toEqual([]);
  });

  it('cannot stand on a Path', () => {
    const process = cms.Process('TEST');
    process.service = cms.Service('MessageLogger');
    expect(() => cms.Path(process.service)).toThrow(/not an Service/);
  });
});

describe('--dump-config of accelerators, services and switches', () => {
  it('writes each accelerator with its import and settings, the services, and SwitchProducers with their cases', () => {
    const process = cms.Process('TEST');
    const alpaka = new ProcessAcceleratorAlpaka();
    alpaka.setBackend('serial_sync');
    alpaka.setSynchronize(true);
    process.ProcessAcceleratorAlpaka = alpaka;
    process.AlpakaServiceSerialSync = cms.Service('AlpakaServiceSerialSync', { verbose: cms.untracked.bool(true) });
    process.ints = new SwitchProducerCUDA({
      cpu: cms.EDProducer('IntProducer', { ivalue: cms.int32(1) }),
      cuda: cms.EDProducer('IntProducer', { ivalue: cms.int32(2) }),
    });
    process.p = cms.Path(process.ints);
    const text = formatConfiguration(process.toDescription());
    expect(text).toContain("import { ProcessAcceleratorAlpaka } from '@alpaka-ts/core/alpaka';");
    expect(text).toContain('import { SwitchProducerCUDA } from "@alpaka-ts/core";');
    expect(text).toContain(
      [
        'const processAccelerator0 = new ProcessAcceleratorAlpaka();',
        'processAccelerator0.setBackend("serial_sync");',
        'processAccelerator0.setSynchronize(true);',
        'process.ProcessAcceleratorAlpaka = processAccelerator0;',
        'process.AlpakaServiceSerialSync = cms.Service("AlpakaServiceSerialSync", {',
        '  verbose: cms.untracked.bool(true),',
        '});',
        'process.ints = new SwitchProducerCUDA({',
        '  cpu: cms.EDProducer("IntProducer", {',
        '    ivalue: cms.int32(1),',
        '  }),',
      ].join('\n'),
    );
    expect(text).toContain('process.p = cms.Path(process.ints);');
  });
});
