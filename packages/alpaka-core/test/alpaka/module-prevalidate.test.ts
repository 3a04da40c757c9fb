import { describe, expect, it } from 'vitest';
import { alpakaModuleDescription, modulePrevalidate } from '../../src/alpaka/module-prevalidate';
import * as global from '../../src/modules/global-modules';
import {
  ConfigurationDescriptions,
  validateModuleParameters,
} from '../../src/parameter-set/configuration-descriptions';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import type { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';
import { ParameterSetDescription as Description } from '../../src/parameter-set/parameter-set-description';

class AlpakaThing extends global.EDProducer {
  static readonly alpakaModule = true;
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new Description();
    description.add('size', 'uint32', 16);
    descriptions.addWithDefaultLabel(description);
  }
  produce(): void {}
}

class PlainThing extends global.EDProducer {
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new Description();
    description.add('size', 'uint32', 16);
    descriptions.addWithDefaultLabel(description);
  }
  produce(): void {}
}

/** A description as plain data, nested descriptions included, to compare two. */
function shape(description: ParameterSetDescription): unknown {
  return description.nodes.map((node) =>
    node.kind === 'parameter'
      ? {
          label: node.label,
          type: node.type,
          tracked: node.tracked,
          presence: node.presence,
          defaultValue: node.defaultValue instanceof ParameterSet ? node.defaultValue.names() : node.defaultValue,
          comment: node.comment,
          nested: node.nestedDescription === undefined ? undefined : shape(node.nestedDescription),
        }
      : node,
  );
}

function describedFor(type: string): ParameterSetDescription {
  const descriptions = new ConfigurationDescriptions('EDProducer', type);
  AlpakaThing.fillDescriptions(descriptions);
  modulePrevalidate(descriptions);
  return descriptions.descriptionFor('thing') as ParameterSetDescription;
}

function parameters(alpaka?: ParameterSet): ParameterSet {
  const set = new ParameterSet()
    .addParameter('@module_label', 'string', 'thing')
    .addParameter('@module_edm_type', 'string', 'EDProducer');
  if (alpaka !== undefined) set.addUntrackedParameter('alpaka', 'PSet', alpaka);
  return set;
}

describe('modulePrevalidate', () => {
  it("adds the untracked alpaka PSet: backend '' and an optional untracked synchronize", () => {
    const alpaka = describedFor('alpaka_serial_sync::AlpakaThing').nodes.find(
      (node) => node.kind === 'parameter' && node.label === 'alpaka',
    );
    expect(alpaka).toMatchObject({ type: 'PSet', tracked: false });
    expect(shape(alpakaModuleDescription())).toMatchObject([
      { label: 'backend', type: 'string', tracked: false, presence: 'required', defaultValue: '' },
      { label: 'synchronize', type: 'bool', tracked: false, presence: 'optional', defaultValue: undefined },
    ]);
  });

  it('gives the same description for every backend', () => {
    const serial = shape(describedFor('alpaka_serial_sync::AlpakaThing'));
    expect(shape(describedFor('alpaka_cuda_async::AlpakaThing'))).toEqual(serial);
    expect(shape(describedFor('alpaka_mock_async::AlpakaThing'))).toEqual(serial);
  });

  it('lets validation accept the PSet the resolver fills in, and insert it when absent', () => {
    const filled = parameters(
      new ParameterSet()
        .addUntrackedParameter('backend', 'string', 'serial_sync')
        .addUntrackedParameter('synchronize', 'bool', true),
    );
    validateModuleParameters(AlpakaThing, 'alpaka_serial_sync::AlpakaThing', 'thing', filled);
    expect(filled.getUntrackedParameter<ParameterSet>('alpaka').getUntrackedParameter('synchronize')).toBe(true);

    const bare = parameters();
    validateModuleParameters(AlpakaThing, 'alpaka_serial_sync::AlpakaThing', 'thing', bare);
    const inserted = bare.getUntrackedParameter<ParameterSet>('alpaka');
    expect(inserted.getUntrackedParameter('backend')).toBe('');
    expect(inserted.exists('synchronize')).toBe(false);
  });

  it('leaves other modules as they were: an alpaka PSet is an illegal parameter there', () => {
    const set = parameters(new ParameterSet().addUntrackedParameter('backend', 'string', 'serial_sync'));
    expect(() => validateModuleParameters(PlainThing, 'PlainThing', 'thing', set)).toThrow(
      expect.objectContaining({ category: 'Configuration', message: expect.stringContaining('alpaka') }),
    );
  });

  it("keeps a description's own alpaka parameter", () => {
    const descriptions = new ConfigurationDescriptions('EDProducer', 'X');
    const own = new Description();
    own.addUntracked('alpaka', 'string', 'mine');
    descriptions.addDefault(own);
    modulePrevalidate(descriptions);
    expect(own.nodes.filter((node) => node.kind === 'parameter' && node.label === 'alpaka')).toMatchObject([
      { type: 'string' },
    ]);
  });
});
