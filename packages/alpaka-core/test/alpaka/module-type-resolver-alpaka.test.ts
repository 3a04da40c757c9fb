import { describe, expect, it } from 'vitest';
import {
  ModuleTypeResolverAlpaka,
  resolveAlpakaModuleType,
  validAlpakaBackends,
} from '../../src/alpaka/module-type-resolver-alpaka';
import type { ModuleDescription } from '../../src/configuration/process-description';
import { ParameterSet } from '../../src/parameter-set/parameter-set';

function module(label: string, type: string, alpaka?: (pset: ParameterSet) => void): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', label)
    .addParameter('@module_type', 'string', type)
    .addParameter('@module_edm_type', 'string', 'EDProducer')
    .addParameter('value', 'int32', 3);
  if (alpaka !== undefined) {
    const pset = new ParameterSet();
    alpaka(pset);
    parameters.addUntrackedParameter('alpaka', 'PSet', pset);
  }
  return { label, type, edmType: 'EDProducer', parameters };
}

function alpakaOf(description: ModuleDescription): ParameterSet {
  return description.parameters.getUntrackedParameter<ParameterSet>('alpaka');
}

describe('ModuleTypeResolverAlpaka: the valid backends', () => {
  it('orders them as CMSSW does: cuda_async, rocm_async, then serial_sync; the first is the default', () => {
    expect(validAlpakaBackends(['cpu', 'gpu-amd', 'gpu-nvidia'])).toEqual(['cuda_async', 'rocm_async', 'serial_sync']);
    expect(validAlpakaBackends(['cpu'])).toEqual(['serial_sync']);
    expect(new ModuleTypeResolverAlpaka(['cpu', 'gpu-nvidia'], undefined, false).validBackends[0]).toBe('cuda_async');
  });

  it('puts a third-party backend on a selected accelerator before serial_sync, one on cpu after it', () => {
    const otherBackends = [
      { name: 'mock_async', accelerator: 'gpu-mock' },
      { name: 'tbb_async', accelerator: 'cpu' },
      { name: 'absent_async', accelerator: 'gpu-absent' },
    ];
    expect(validAlpakaBackends(['cpu', 'gpu-mock'], { otherBackends })).toEqual([
      'mock_async',
      'serial_sync',
      'tbb_async',
    ]);
  });

  it('leaves out the backends whose service is disabled', () => {
    expect(validAlpakaBackends(['cpu', 'gpu-nvidia'], { disabledBackends: new Set(['cuda_async']) })).toEqual([
      'serial_sync',
    ]);
  });

  it("fails with 8035 and CMSSW's message when no backend is valid", () => {
    const make = () => new ModuleTypeResolverAlpaka(['gpu-other'], undefined, false);
    expect(make).toThrow(
      expect.objectContaining({
        category: 'UnavailableAccelerator',
        exitCode: 8035,
        message:
          'ModuleTypeResolverAlpaka had no backends available because of the combination of the job configuration and accelerator availability of on the machine. The job sees gpu-other accelerators.',
      }),
    );
  });

  it('setBackend moves a valid backend to the front', () => {
    const resolver = new ModuleTypeResolverAlpaka(['cpu', 'gpu-nvidia'], 'serial_sync', false);
    expect(resolver.validBackends).toEqual(['serial_sync', 'cuda_async']);
    expect(resolver.setModuleVariant(module('p', 'TestProducer@alpaka')).type).toBe('alpaka_serial_sync::TestProducer');
  });

  it("setBackend with an unavailable backend fails with 8035 and CMSSW's message", () => {
    expect(() => new ModuleTypeResolverAlpaka(['cpu'], 'cuda_async', false)).toThrow(
      expect.objectContaining({
        category: 'UnavailableAccelerator',
        exitCode: 8035,
        message:
          'The ProcessAcceleratorAlpaka was configured to use cuda_async backend, but that backend is not available because of the combination of the job configuration and accelerator availability on the machine. The job was configured to use cpu accelerators, which translates to serial_sync Alpaka backends.',
      }),
    );
  });
});

describe('ModuleTypeResolverAlpaka.setModuleVariant', () => {
  const resolver = new ModuleTypeResolverAlpaka(['cpu', 'gpu-nvidia'], undefined, false);

  it('gives an @alpaka module the default backend, synchronize false and the type alpaka_<backend>::Name', () => {
    const original = module('producer', 'TestProducer@alpaka');
    const resolved = resolver.setModuleVariant(original);
    expect(resolved.type).toBe('alpaka_cuda_async::TestProducer');
    expect(resolved.label).toBe('producer');
    const alpaka = alpakaOf(resolved);
    expect(alpaka.getUntrackedParameter('backend')).toBe('cuda_async');
    expect(alpaka.getUntrackedParameter('synchronize')).toBe(false);
    expect(resolved.parameters.getParameter('value')).toBe(3);
    // The configuration's own description is left as it was.
    expect(original.parameters.exists('alpaka')).toBe(false);
    expect(original.type).toBe('TestProducer@alpaka');
  });

  it('an empty backend means the default; an explicit valid one is kept', () => {
    const empty = resolver.setModuleVariant(
      module('a', 'P@alpaka', (p) => p.addUntrackedParameter('backend', 'string', '')),
    );
    expect(empty.type).toBe('alpaka_cuda_async::P');
    const explicit = resolver.setModuleVariant(
      module('b', 'P@alpaka', (p) => p.addUntrackedParameter('backend', 'string', 'serial_sync')),
    );
    expect(explicit.type).toBe('alpaka_serial_sync::P');
    expect(alpakaOf(explicit).getUntrackedParameter('backend')).toBe('serial_sync');
  });

  it("an explicit unavailable backend fails with 8035 and CMSSW's message naming the module", () => {
    const cpuOnly = new ModuleTypeResolverAlpaka(['cpu'], undefined, false);
    expect(() =>
      cpuOnly.setModuleVariant(
        module('gpuProducer', 'P@alpaka', (p) => p.addUntrackedParameter('backend', 'string', 'cuda_async')),
      ),
    ).toThrow(
      expect.objectContaining({
        exitCode: 8035,
        message:
          'Module gpuProducer has the Alpaka backend set explicitly, but its accelerator is not available for the job because of the combination of the job configuration and accelerator availability on the machine. The following Alpaka backends are available for the job serial_sync.',
      }),
    );
  });

  it("an unset synchronize takes the process's setSynchronize value; an explicit one is kept", () => {
    const synchronizing = new ModuleTypeResolverAlpaka(['cpu'], undefined, true);
    expect(alpakaOf(synchronizing.setModuleVariant(module('a', 'P@alpaka'))).getUntrackedParameter('synchronize')).toBe(
      true,
    );
    const explicit = synchronizing.setModuleVariant(
      module('b', 'P@alpaka', (p) => p.addUntrackedParameter('synchronize', 'bool', false)),
    );
    expect(alpakaOf(explicit).getUntrackedParameter('synchronize')).toBe(false);
  });

  it('leaves explicit alpaka_serial_sync:: types and other modules untouched', () => {
    const explicit = module('s', 'alpaka_serial_sync::P');
    expect(resolver.setModuleVariant(explicit)).toBe(explicit);
    const plain = module('i', 'IntProducer');
    expect(resolver.setModuleVariant(plain)).toBe(plain);
  });
});

describe('resolveAlpakaModuleType (the C++ resolveType)', () => {
  it('replaces @alpaka with the prefix from alpaka.backend', () => {
    const pset = new ParameterSet().addUntrackedParameter(
      'alpaka',
      'PSet',
      new ParameterSet().addUntrackedParameter('backend', 'string', 'rocm_async'),
    );
    expect(resolveAlpakaModuleType('TestProducer@alpaka', pset)).toBe('alpaka_rocm_async::TestProducer');
    expect(resolveAlpakaModuleType('alpaka_serial_sync::TestProducer', pset)).toBe('alpaka_serial_sync::TestProducer');
  });

  it("is CMSSW's LogicError for an @alpaka type without a backend prefix", () => {
    expect(() => resolveAlpakaModuleType('TestProducer@alpaka', new ParameterSet())).toThrow(
      expect.objectContaining({
        category: 'LogicError',
        exitCode: 8010,
        message:
          'AlpakaModuleTypeResolver encountered a module with type name TestProducer@alpaka but the backend prefix was empty. This should not happen. Please contact framework developers.',
      }),
    );
  });
});
