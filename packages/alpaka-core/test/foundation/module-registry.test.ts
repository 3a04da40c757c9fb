import { describe, expect, it } from 'vitest';
import { closestNames, ModuleRegistry } from '../../src/modules/module-registry';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

class IntProducer {
  static readonly edmType = 'EDProducer';
  constructor(readonly parameters: ParameterSet) {}
}
class IntAnalyzer {
  static readonly edmType = 'EDAnalyzer';
  constructor(readonly parameters: ParameterSet) {}
}

describe('ModuleRegistry', () => {
  it('resolves registered classes and names the closest known types for an unknown one', async () => {
    const registry = new ModuleRegistry().register(IntProducer).register(IntAnalyzer);
    expect(await registry.resolve('IntProducer')).toBe(IntProducer);
    await expect(registry.resolve('IntProduce')).rejects.toThrow(/closest known module types are: 'IntProducer'/);
    expect(closestNames('intanalyser', registry.typeNames())).toEqual(['IntAnalyzer']);
  });

  it('refuses a non-module class and a second class under a taken name', () => {
    const registry = new ModuleRegistry().register(IntProducer);
    expect(() => registry.register(class Other {} as never, 'X')).toThrow(/not a module class/);
    expect(() => registry.register(IntAnalyzer, 'IntProducer')).toThrow(/already registered/);
    expect(registry.typeNames()).toEqual(['IntProducer']);
  });

  it('loads a lazily declared type once, and reports a load failure with its origin', async () => {
    let loads = 0;
    const registry = new ModuleRegistry()
      .declare('Lazy', {
        declaredBy: 'pkg/manifest.json',
        load: async () => {
          loads++;
          return IntProducer;
        },
      })
      .declare('Broken', { declaredBy: 'bad/manifest.json', load: async () => Promise.reject(new Error('no file')) });
    expect(await registry.resolve('Lazy')).toBe(IntProducer);
    expect(await registry.resolve('Lazy')).toBe(IntProducer);
    expect(loads).toBe(1);
    await expect(registry.resolve('Broken')).rejects.toThrow(/declared by bad\/manifest.json: no file/);
  });
});
