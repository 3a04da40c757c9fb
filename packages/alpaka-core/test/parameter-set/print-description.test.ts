import { describe, expect, it } from 'vitest';
import { ModuleRegistry } from '../../src/modules/module-registry';
import type { ConfigurationDescriptions } from '../../src/parameter-set/configuration-descriptions';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';
import {
  formatModuleHelp,
  formatModuleHelpFromRegistry,
  formatModuleList,
  formatParameterSetDescription,
  formatParameterValue,
} from '../../src/parameter-set/print-description';

// biome-ignore lint/complexity/noStaticOnlyClass: a module class is what the framework constructs; its descriptions are static
class TestAlpakaProducer {
  static readonly edmType = 'EDProducer';
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const inner = new ParameterSetDescription().setComment('Alpaka options.');
    inner.addUntracked('backend', 'string', '');
    const element = new ParameterSetDescription();
    element.add('x', 'int32', 0);
    const description = new ParameterSetDescription().setComment('Produces a test collection.');
    description.add('size', 'int32', 10).setComment('number of elements\nper event');
    description.addUntracked('source', 'InputTag', new InputTag('producer', 'instance'));
    description.add('record', 'ESInputTag', new ESInputTag('', 'data'));
    description.add('names', 'vstring', ['a', 'b']);
    description.add('offset', 'int64', -3n);
    description.add('scale', 'double');
    description.addOptionalUntracked('verbose', 'bool');
    description.addUntracked('alpaka', inner);
    description.addVPSet('points', element, [new ParameterSet()]);
    description.addWildcard('*', 'uint32', false);
    descriptions.addWithDefaultLabel(description);
    descriptions.addDefault(new ParameterSetDescription().setAllowAnything());
  }
}

describe('formatModuleHelp (alpaka-run --help-module)', () => {
  it('prints every description with one aligned line per parameter', () => {
    expect(formatModuleHelp('TestAlpakaProducer@alpaka', TestAlpakaProducer)).toBe(
      `
TestAlpakaProducer@alpaka (EDProducer)

  Description for label 'testAlpakaProducer':
    Produces a test collection.
    size     int32       tracked             10
             number of elements
             per event
    source   InputTag    untracked           "producer:instance"
    record   ESInputTag  tracked             ":data"
    names    vstring     tracked             ["a", "b"]
    offset   int64       tracked             -3
    scale    double      tracked             (required)
    verbose  bool        untracked optional
    alpaka   PSet        untracked
      Alpaka options.
      backend  string  untracked  ""
    points   VPSet       tracked             (1 element)
      (each element)
      x  int32  tracked  0
    *        uint32      untracked           (any label, zero or more)

  Default description (any other label):
    (parameters not described here are allowed)
`.slice(1),
    );
  });

  it('says when a module type has no description', () => {
    expect(formatModuleHelp('Plain', { edmType: 'EDAnalyzer' })).toBe(
      'Plain (EDAnalyzer)\n\n  Description is unknown.  The configured PSet will not be validated\n  because the plugin has not defined this description.\n',
    );
    expect(formatModuleHelp('Empty', { edmType: 'EDFilter', fillDescriptions() {} })).toBe(
      'Empty (EDFilter)\n\n  No description: the parameters of this module type are not validated.\n',
    );
    expect(
      formatModuleHelp('NoParameters', {
        edmType: 'EDFilter',
        fillDescriptions(descriptions) {
          descriptions.add('one', new ParameterSetDescription());
        },
      }),
    ).toBe("NoParameters (EDFilter)\n\n  Description for label 'one':\n    (no parameters)\n");
  });
});

describe('formatParameterValue', () => {
  it('writes each type of value', () => {
    expect(formatParameterValue('bool', true)).toBe('true');
    expect(formatParameterValue('uint64', 2n ** 64n - 1n)).toBe('18446744073709551615');
    expect(formatParameterValue('double', 0.5)).toBe('0.5');
    expect(formatParameterValue('string', 'a "b"')).toBe('"a \\"b\\""');
    expect(formatParameterValue('VInputTag', [new InputTag('a'), new InputTag('b', 'c', 'P')])).toBe('["a", "b:c:P"]');
    expect(formatParameterValue('vint32', [])).toBe('[]');
    expect(formatParameterValue('VPSet', [new ParameterSet(), new ParameterSet()])).toBe('(2 elements)');
  });
});

describe('formatModuleList (alpaka-run --list-modules)', () => {
  it('lists every known type, sorted, with where it comes from', () => {
    // biome-ignore lint/complexity/noStaticOnlyClass: a module class is what the framework constructs; its descriptions are static
    class Producer {
      static readonly edmType = 'EDProducer';
    }
    const registry = new ModuleRegistry();
    expect(formatModuleList(registry)).toBe('No module types are known.\n');
    registry.register(Producer, 'IntProducer');
    registry.declare('AlpakaThing@alpaka', { declaredBy: '/x/alpaka-modules.json', load: async () => Producer });
    expect(formatModuleList(registry)).toBe(
      'AlpakaThing@alpaka  /x/alpaka-modules.json\nIntProducer         registered\n',
    );
  });
});

describe('formatModuleHelpFromRegistry', () => {
  it('prints a registered type and refuses an unknown one with the closest names', async () => {
    const registry = new ModuleRegistry().register(TestAlpakaProducer, 'TestAlpakaProducer@alpaka');
    expect(await formatModuleHelpFromRegistry(registry, 'TestAlpakaProducer@alpaka')).toBe(
      formatModuleHelp('TestAlpakaProducer@alpaka', TestAlpakaProducer),
    );
    await expect(formatModuleHelpFromRegistry(registry, 'TestAlpakaProducr@alpaka')).rejects.toThrow(
      /closest known module types are: 'TestAlpakaProducer@alpaka'/,
    );
  });
});

describe('formatParameterSetDescription', () => {
  it('prints a description nested in itself once', () => {
    const description = new ParameterSetDescription();
    description.addOptional('again', description);
    expect(formatParameterSetDescription(description)).toEqual([
      'again  PSet  tracked optional',
      '  (the enclosing description, as above)',
    ]);
  });
});
