import { registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { alpakaServiceDescription, alpakaServiceName, alpakaServiceSettings } from '../../src/alpaka/alpaka-service';
import { ProcessAcceleratorAlpaka } from '../../src/alpaka/process-accelerator-alpaka';
import { cms } from '../../src/configuration/cms';
import type { Process } from '../../src/configuration/process';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { alpakaTestRegistry } from './accelerator-test-modules';

const defaultAllocator = {
  binGrowth: 2,
  minBin: 8,
  maxBin: 30,
  maxCachedBytes: 0n,
  maxCachedFraction: 0.8,
  fillAllocations: false,
  fillAllocationValue: 0xa5,
  fillReallocations: false,
  fillReallocationValue: 0x69,
  fillDeallocations: false,
  fillDeallocationValue: 0x5a,
  fillCaches: false,
  fillCacheValue: 0x96,
};

function processWith(...services: [string, Record<string, unknown>][]): Process {
  const process = cms.Process('TEST');
  process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
  process.source = cms.Source('EmptySource');
  for (const [type, parameters] of services) process[type] = cms.Service(type, parameters as never);
  process.producer = cms.EDProducer('AlpakaTestProducer@alpaka');
  process.p = cms.Path(process.producer);
  return process;
}

describe('AlpakaService settings', () => {
  it("names the services as CMSSW does, and a third-party backend's after its name", () => {
    expect(['serial_sync', 'cuda_async', 'rocm_async', 'mock_async_x'].map(alpakaServiceName)).toEqual([
      'AlpakaServiceSerialSync',
      'AlpakaServiceCudaAsync',
      'AlpakaServiceROCmAsync',
      'AlpakaServiceMockAsyncX',
    ]);
  });

  it("gives CMSSW's defaults: enabled, not verbose, the CachingAllocator defaults for host and device", () => {
    const description = processWith().toDescription();
    expect(alpakaServiceSettings(description, 'serial_sync')).toEqual({
      enabled: true,
      verbose: false,
      hostAllocator: defaultAllocator,
      deviceAllocator: defaultAllocator,
    });
  });

  it("reads the configuration's values over the defaults (memory filling, as customiseAlpakaServiceMemoryFilling)", () => {
    const description = processWith([
      'AlpakaServiceCudaAsync',
      {
        verbose: cms.untracked.bool(true),
        deviceAllocator: cms.untracked.PSet({
          fillAllocations: cms.untracked.bool(true),
          fillAllocationValue: cms.untracked.uint32(0xa5),
          maxCachedBytes: cms.untracked.uint64(1n << 30n),
        }),
      },
    ]).toDescription();
    const settings = alpakaServiceSettings(description, 'cuda_async');
    expect(settings.verbose).toBe(true);
    expect(settings.hostAllocator).toEqual(defaultAllocator);
    expect(settings.deviceAllocator).toEqual({
      ...defaultAllocator,
      fillAllocations: true,
      maxCachedBytes: 1n << 30n,
    });
  });

  it('refuses a parameter AlpakaService does not take (Configuration, 8009, naming the service)', () => {
    const description = processWith(['AlpakaServiceSerialSync', { verbos: cms.untracked.bool(true) }]).toDescription();
    expect(() => alpakaServiceSettings(description, 'serial_sync')).toThrow(
      expect.objectContaining({
        category: 'Configuration',
        exitCode: 8009,
        message: expect.stringContaining('verbos'),
      }),
    );
    try {
      alpakaServiceSettings(description, 'serial_sync');
    } catch (error) {
      expect((error as { contexts: string[] }).contexts).toContain(
        'Validating configuration of service: class=AlpakaServiceSerialSync',
      );
    }
  });

  it('is one description for every backend, every parameter untracked', () => {
    const set = new ParameterSet();
    alpakaServiceDescription().validate(set);
    expect([...set.entries()].every(([, entry]) => !entry.tracked)).toBe(true);
    expect(set.names()).toEqual(['enabled', 'verbose', 'hostAllocator', 'deviceAllocator']);
  });
});

describe('ProcessAcceleratorAlpaka.apply and the services', () => {
  it('adds an AlpakaService for each available backend and removes those of unavailable ones', async () => {
    const description = processWith(['AlpakaServiceCudaAsync', {}], ['MessageLogger', {}]).toDescription();
    const processor = await createEventProcessor(description, { registry: alpakaTestRegistry('serial_sync') });
    const services = (processor.description.services ?? []).map((service) => service.type);
    expect(services).toEqual(['MessageLogger', 'AlpakaServiceSerialSync']);
    const serial = processor.description.services?.find((service) => service.type === 'AlpakaServiceSerialSync');
    expect(serial?.parameters.getUntrackedParameter('enabled')).toBe(true);
  });

  it('keeps the configured service of an available backend as written', async () => {
    const description = processWith(['AlpakaServiceSerialSync', { verbose: cms.untracked.bool(true) }]).toDescription();
    const processor = await createEventProcessor(description, { registry: alpakaTestRegistry('serial_sync') });
    const serial = processor.description.services?.filter((service) => service.type === 'AlpakaServiceSerialSync');
    expect(serial).toHaveLength(1);
    expect(alpakaServiceSettings(processor.description, 'serial_sync').verbose).toBe(true);
  });

  it('a disabled AlpakaService makes its backend unavailable to the resolver', async () => {
    const registry = alpakaTestRegistry('serial_sync', 'cuda_async');
    const disabled = processWith(['AlpakaServiceCudaAsync', { enabled: cms.untracked.bool(false) }]).toDescription();
    const processor = await createEventProcessor(disabled, { registry, availableAccelerators: ['cpu', 'gpu-nvidia'] });
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');

    const onlyBackendDisabled = processWith([
      'AlpakaServiceSerialSync',
      { enabled: cms.untracked.bool(false) },
    ]).toDescription();
    await expect(createEventProcessor(onlyBackendDisabled, { registry })).rejects.toMatchObject({
      exitCode: 8035,
      message: expect.stringMatching(
        /^ModuleTypeResolverAlpaka had no backends available.* The AlpakaService of serial_sync is disabled \(enabled = false\)/,
      ),
    });
  });
});

describe("AlpakaService's allocator PSets reach the backend", () => {
  it('the job configures the caching allocators of each backend it may use, and verbose says what it found', async () => {
    const configured: unknown[] = [];
    const mock = createMockAcceleratorBackend({ name: 'mock_allocators' });
    registerBackend({ ...mock, configureCachingAllocators: (config) => void configured.push(config) });
    const process = processWith([
      'AlpakaServiceMockAllocators',
      {
        verbose: cms.untracked.bool(true),
        deviceAllocator: cms.untracked.PSet({
          binGrowth: cms.untracked.uint32(4),
          maxCachedFraction: cms.untracked.double(0.5),
          fillAllocations: cms.untracked.bool(true),
          fillCaches: cms.untracked.bool(true),
          fillCacheValue: cms.untracked.uint32(0x11),
        }),
        hostAllocator: cms.untracked.PSet({ fillDeallocations: cms.untracked.bool(true) }),
      },
    ]);
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => void logged.push(line);
    try {
      await createEventProcessor(process.toDescription(), {
        registry: alpakaTestRegistry('mock_allocators', 'serial_sync'),
      });
    } finally {
      console.log = log;
    }
    expect(configured).toEqual([
      {
        // The fill* flags that are on give their byte (CMSSW's defaults 0xa5 … unless set); the others none.
        device: {
          binGrowth: 4,
          minBin: 8,
          maxBin: 30,
          maxCachedBytes: 0,
          maxCachedFraction: 0.5,
          fill: { allocations: 0xa5, caches: 0x11 },
        },
        host: {
          binGrowth: 2,
          minBin: 8,
          maxBin: 30,
          maxCachedBytes: 0,
          maxCachedFraction: 0.8,
          fill: { deallocations: 0x5a },
        },
      },
    ]);
    expect(logged.join('\n')).toContain('AlpakaServiceMockAllocators succesfully initialised.\nFound 1 device:');
  });
});
