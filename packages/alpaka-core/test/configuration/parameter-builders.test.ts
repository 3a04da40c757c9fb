import { describe, expect, test } from 'vitest';
import { cms } from '../../src/configuration/cms';
import { isPSetParameter } from '../../src/configuration/parameter-builders';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import { InputTag } from '../../src/parameter-set/input-tag';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

function parametersOf(set: ParameterSet): Record<string, [string, boolean, unknown]> {
  const result: Record<string, [string, boolean, unknown]> = {};
  for (const [name, entry] of set.entries()) result[name] = [entry.type, entry.tracked, entry.value];
  return result;
}

describe('parameter builders', () => {
  test('every scalar and vector type, tracked and untracked, lands in the ParameterSet with its type', () => {
    const module = cms.EDProducer('T', {
      i: cms.int32(-3),
      u: cms.uint32(4),
      l: cms.int64(5),
      ul: cms.uint64(2n ** 63n),
      d: cms.double(1.5),
      b: cms.bool(true),
      s: cms.string('text'),
      vi: cms.vint32(1, 2),
      vu: cms.vuint32([3, 4]),
      vl: cms.vint64(1, 2n),
      vul: cms.vuint64(7),
      vd: cms.vdouble(0.5),
      vs: cms.vstring('a', 'b'),
      ui: cms.untracked.int32(9),
      uvs: cms.untracked.vstring(),
    });
    expect(parametersOf(module.parameters_())).toEqual({
      i: ['int32', true, -3],
      u: ['uint32', true, 4],
      l: ['int64', true, 5n],
      ul: ['uint64', true, 2n ** 63n],
      d: ['double', true, 1.5],
      b: ['bool', true, true],
      s: ['string', true, 'text'],
      vi: ['vint32', true, [1, 2]],
      vu: ['vuint32', true, [3, 4]],
      vl: ['vint64', true, [1n, 2n]],
      vul: ['vuint64', true, [7n]],
      vd: ['vdouble', true, [0.5]],
      vs: ['vstring', true, ['a', 'b']],
      ui: ['int32', false, 9],
      uvs: ['vstring', false, []],
    });
  });

  test('InputTag takes three fields or the colon form; ESInputTag two fields or the colon form', () => {
    expect(cms.InputTag('label', 'instance', 'process').value()).toEqual(new InputTag('label', 'instance', 'process'));
    expect(cms.InputTag('label:instance').value()).toEqual(new InputTag('label', 'instance', ''));
    expect(cms.InputTag('label:instance:HLT').value().process).toBe('HLT');
    expect(cms.untracked.InputTag('a').isTracked()).toBe(false);
    expect(cms.ESInputTag('', 'data').value()).toEqual(new ESInputTag('', 'data'));
    expect(cms.ESInputTag('module:data').value()).toEqual(new ESInputTag('module', 'data'));
    const tags = cms.VInputTag('a:b', new InputTag('c'), cms.InputTag('d', 'e', 'f')).value();
    expect(tags.map((tag) => tag.encode())).toEqual(['a:b', 'c', 'd:e:f']);
    expect(
      cms
        .VESInputTag('m:d', '')
        .value()
        .map((tag) => tag.encode()),
    ).toEqual(['m:d', ':']);
  });

  test('EventRange and LuminosityBlockRange take the configuration text, as cms.EventRange does', () => {
    expect(cms.EventRange('1:1-1:100').value().encode()).toBe('1:1-1:100');
    expect(
      cms.untracked
        .VEventRange(['1:2:3', '4:5-4:max'])
        .value()
        .map((range) => range.encode()),
    ).toEqual(['1:2:3', '4:5-4:max']);
    expect(cms.untracked.VLuminosityBlockRange('1:1-1:9').value()[0]?.contains({ run: 1, luminosityBlock: 9 })).toBe(
      true,
    );
    expect(() => cms.VEventRange('1:9-1:2')).toThrow('"1:9-1:2" is not an EventRange: it ends before it starts.');
    expect(() => cms.EDProducer('T', { range: cms.EventRange(5 as never) })).toThrow(
      'Parameter "range" of type EventRange: an EventRange must be a cms.EventRange, got number 5.',
    );
  });

  test('a value that does not fit its type is refused naming the parameter', () => {
    expect(() => cms.EDProducer('T', { ivalue: cms.int32(2.5) })).toThrow(
      'Parameter "ivalue" of type int32: an int32 must be an integer, got number 2.5.',
    );
    expect(() => cms.EDProducer('T', { big: cms.uint32(-1) })).toThrow(
      'Parameter "big" of type uint32: -1 is outside the range of uint32 [0, 4294967295].',
    );
    expect(() => cms.PSet({ list: cms.vint32(1, 'x' as never) })).toThrow(
      'Parameter "list" of type vint32: element 1: an int32 must be an integer, got the string "x".',
    );
    // Safe integers become bigints; a larger number may already be rounded, so it must be written as a bigint.
    expect(cms.int64(2 ** 52).value()).toBe(2n ** 52n);
    expect(() => cms.EDProducer('T', { l: cms.int64(2 ** 64) })).toThrow(
      'Parameter "l" of type int64: an int64 must be a bigint, got number 18446744073709552000.',
    );
    let caught: unknown;
    try {
      cms.EDProducer('T', { ivalue: cms.int32(2.5) });
    } catch (error) {
      caught = error;
    }
    // A Python ValueError, so that the loader reports it as ConfigFileReadError like cmsRun.
    expect((caught as Error).name).toBe('ValueError');
  });

  test('PSet entries read and assign as attributes; a plain value keeps type and trackiness, checked', () => {
    const pset = cms.untracked.PSet({ a: cms.int32(1), nested: cms.PSet({ b: cms.string('x') }) });
    pset.a = 2;
    const nested = pset.nested;
    if (!isPSetParameter(nested)) throw new Error('not a PSet');
    nested.b = 'y';
    expect(pset.isTracked()).toBe(false);
    expect(pset.parameterNames_()).toEqual(['a', 'nested']);
    const value = pset.value();
    expect(value.entry('a')).toEqual({ type: 'int32', tracked: true, value: 2 });
    expect(value.getParameter<ParameterSet>('nested').getParameter('b')).toBe('y');
    expect(() => {
      pset.a = 'three';
    }).toThrow('Parameter "a" of type int32: an int32 must be an integer, got the string "three".');
    expect(() => {
      pset.c = 3;
    }).toThrow('c does not already exist, so it can only be set to a CMS python configuration type');
    pset.c = cms.untracked.double(3);
    expect(pset.value().entry('c')).toEqual({ type: 'double', tracked: false, value: 3 });
  });

  test('cms.untracked(parameter) makes an untracked copy; VPSet holds PSets', () => {
    const parameter = cms.untracked(cms.vint32(1, 2));
    expect(parameter.isTracked()).toBe(false);
    expect(parameter.configTypeName()).toBe('cms.untracked.vint32');
    const vpset = cms.VPSet(cms.PSet({ a: cms.int32(1) }), cms.PSet({ a: cms.int32(2) }));
    expect(vpset.value().map((set) => set.getParameter('a'))).toEqual([1, 2]);
    expect(() => cms.VPSet(cms.int32(1) as never)).toThrow('cms.VPSet takes cms.PSet elements; element 0 is not one.');
  });

  test("a plain value for a new parameter name is refused with Python's message", () => {
    expect(() => cms.EDProducer('T', { ivalue: 5 })).toThrow(
      'ivalue does not already exist, so it can only be set to a CMS python configuration type',
    );
  });
});

describe('modules', () => {
  test('parameters read and assign as attributes, keeping their type; assigning a typed parameter replaces it', () => {
    const module = cms.EDProducer('IntProducer', { ivalue: cms.int32(5), tag: cms.InputTag('a') });
    module.ivalue = 7;
    module.tag = 'b:c';
    expect(module.parameters_().entry('ivalue')).toEqual({ type: 'int32', tracked: true, value: 7 });
    expect(module.parameters_().getParameter<InputTag>('tag').encode()).toBe('b:c');
    module.ivalue = cms.untracked.uint32(8);
    expect(module.parameters_().entry('ivalue')).toEqual({ type: 'uint32', tracked: false, value: 8 });
    expect(() => {
      module.ivalue = -1;
    }).toThrow('Parameter "ivalue" of type uint32: -1 is outside the range of uint32 [0, 4294967295].');
    expect(module.type_()).toBe('IntProducer');
    expect(module.edmType_()).toBe('EDProducer');
    expect(Object.keys(module)).toEqual(['ivalue', 'tag']);
    expect(() => {
      module.clone = cms.int32(1) as never;
    }).toThrow("'clone' is a member of the configuration object itself and cannot be used as a parameter name.");
  });

  test('clone() copies deeply, applies replacements, additions, plain values, nested updates and removals', () => {
    const original = cms.EDProducer('IntProducer', {
      ivalue: cms.int32(5),
      nested: cms.PSet({ x: cms.int32(1), y: cms.int32(2) }),
      gone: cms.bool(true),
    });
    const copy = original.clone({
      ivalue: cms.untracked.int32(6),
      added: cms.string('new'),
      nested: { x: 10 },
      gone: undefined,
    });
    expect(copy.hasLabel_()).toBe(false);
    expect(parametersOf(copy.parameters_()).ivalue).toEqual(['int32', false, 6]);
    expect(copy.parameterNames_()).toEqual(['ivalue', 'nested', 'added']);
    const nested = copy.parameters_().getParameter<ParameterSet>('nested');
    expect([nested.getParameter('x'), nested.getParameter('y')]).toEqual([10, 2]);
    // The original is untouched, nested PSet included.
    expect(original.parameters_().getParameter<ParameterSet>('nested').getParameter('x')).toBe(1);
    expect(original.parameterNames_()).toEqual(['ivalue', 'nested', 'gone']);
    expect(copy.clone({ ivalue: 1 }).parameters_().entry('ivalue')).toEqual({
      type: 'int32',
      tracked: false,
      value: 1,
    });
    // Python's getParameter reads a parameter by name or dotted path, typed, without narrowing.
    expect(copy.getParameter('nested.x')?.value()).toBe(10);
    expect(copy.getParameter('ivalue')?.configTypeName()).toBe('cms.untracked.int32');
    expect(copy.getParameter('nested.none')).toBeUndefined();
    expect(copy.getParameter('ivalue.x')).toBeUndefined();
  });

  test('a module type must be a non-empty string and parameters an object', () => {
    expect(() => cms.EDProducer('')).toThrow(
      "cms.EDProducer needs the module's type name as a non-empty string first, got .",
    );
    expect(() => cms.EDAnalyzer('A', cms.int32(1) as never)).toThrow(
      "cms.EDAnalyzer('A', …) takes its parameters as an object ({ name: cms.int32(1), … }).",
    );
  });
});
