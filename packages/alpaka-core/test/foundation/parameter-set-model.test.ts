import { describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';

describe('InputTag and ESInputTag', () => {
  it('split on ":" and encode without trailing empty fields', () => {
    const tag = InputTag.parse('producer:instance:RECO');
    expect([tag.label, tag.instance, tag.process]).toEqual(['producer', 'instance', 'RECO']);
    expect(InputTag.parse('producer').encode()).toBe('producer');
    expect(new InputTag('a', 'b').encode()).toBe('a:b');
    expect(() => InputTag.parse('a:b:c:d')).toThrow(/at most three fields/);
    expect(ESInputTag.parse('module:data').equals(new ESInputTag('module', 'data'))).toBe(true);
  });
});

describe('ParameterSet', () => {
  it('reads tracked parameters with getParameter and untracked with getUntrackedParameter', () => {
    const set = new ParameterSet().addParameter('value', 'int32', 5).addUntrackedParameter('verbose', 'bool', true);
    expect(set.getParameter<number>('value', 'int32')).toBe(5);
    expect(set.getUntrackedParameter<boolean>('verbose')).toBe(true);
    expect(set.getUntrackedParameter('absent', 7)).toBe(7);
    expect(() => set.getParameter('verbose')).toThrow(/untracked.*getUntrackedParameter/);
    expect(() => set.getUntrackedParameter('value')).toThrow(/tracked.*getParameter/);
    expect(() => set.getParameter('absent')).toThrow(/'absent' was not specified/);
    expect(() => set.getParameter('value', 'double')).toThrow(/tracked int32, not a double/);
  });

  it('refuses values its type cannot hold, changing nothing', () => {
    const set = new ParameterSet().addParameter('value', 'int32', 1);
    expect(() => set.addParameter('value', 'int32', 2 ** 31)).toThrow(FrameworkError);
    expect(() => set.addParameter('value', 'uint32', -1)).toThrow(/outside the range of uint32/);
    expect(() => set.insert('big', { type: 'uint64', tracked: true, value: 5 as never })).toThrow(/must be a bigint/);
    expect(() => set.insert('list', { type: 'vstring', tracked: true, value: ['a', 3] as never })).toThrow(/element 1/);
    expect(set.getParameter('value')).toBe(1);
    expect(set.names()).toEqual(['value']);
  });

  it('clones deeply and keeps only tracked parameters in trackedPart', () => {
    const nested = new ParameterSet().addParameter('x', 'double', 1.5);
    const set = new ParameterSet()
      .addParameter('nested', 'PSet', nested)
      .addUntrackedParameter('u', 'string', 's')
      .addParameter('list', 'vint32', [1, 2]);
    const copy = set.clone();
    copy.getParameter<ParameterSet>('nested').addParameter('x', 'double', 2.5);
    expect(nested.getParameter('x')).toBe(1.5);
    expect(set.trackedPart().names()).toEqual(['nested', 'list']);
  });
});
