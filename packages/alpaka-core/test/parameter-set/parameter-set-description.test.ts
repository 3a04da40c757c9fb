import { describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';

function logicError(action: () => unknown): FrameworkError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkError);
    expect((error as FrameworkError).category).toBe('LogicError');
    expect((error as FrameworkError).exitCode).toBe(8010);
    return error as FrameworkError;
  }
  throw new Error('expected a LogicError');
}

describe('ParameterSetDescription: declaring parameters', () => {
  it('records label, type, trackiness, presence, default and comment of each node in order', () => {
    const description = new ParameterSetDescription();
    const size = description.add('size', 'int32', 10).setComment('number of elements');
    description.addUntracked('tag', 'InputTag', new InputTag('a'));
    description.addOptional('maybe', 'double');
    description.addOptionalUntracked('verbose', 'bool');
    description.add('required', 'string');
    expect(size.comment).toBe('number of elements');
    expect(
      description.nodes.map((node) =>
        node.kind === 'parameter' ? [node.label, node.type, node.tracked, node.presence, node.hasDefault] : [],
      ),
    ).toEqual([
      ['size', 'int32', true, 'required', true],
      ['tag', 'InputTag', false, 'required', true],
      ['maybe', 'double', true, 'optional', false],
      ['verbose', 'bool', false, 'optional', false],
      ['required', 'string', true, 'required', false],
    ]);
    expect(description.isLabelUsed('tag')).toBe(true);
    expect(description.isLabelUsed('other')).toBe(false);
  });

  it('refuses, at compile time, a default that does not fit the type', () => {
    const description = new ParameterSetDescription();
    // @ts-expect-error: an int32's default is a number
    expect(() => description.add('x', 'int32', 'text')).toThrow(FrameworkError);
    // @ts-expect-error: a uint64's default is a bigint
    expect(() => description.addUntracked('y', 'uint64', 5)).toThrow(FrameworkError);
    // @ts-expect-error: PSets are declared with a nested description
    expect(() => description.add('z', 'PSet')).toThrow(FrameworkError);
  });

  it('refuses, at run time, a wrong default with a LogicError naming the label', () => {
    const description = new ParameterSetDescription();
    const error = logicError(() => description.add('x', 'int32', 'text' as unknown as number));
    expect(error.message).toBe(
      'The default of parameter "x" (tracked int32) in a ParameterSetDescription is not valid: an int32 must be an integer, got the string "text".',
    );
    expect(logicError(() => description.addUntracked('u', 'uint32', -1)).message).toContain(
      'parameter "u" (untracked uint32)',
    );
    expect(logicError(() => description.add('v', 'vstring', ['a', 1] as unknown as string[])).message).toContain(
      'element 1',
    );
    // Nothing was added by the refused declarations.
    expect(description.nodes).toHaveLength(0);
  });

  it('refuses an unknown type name and PSet/VPSet by name', () => {
    const description = new ParameterSetDescription();
    expect(logicError(() => description.add('x', 'int' as 'int32')).message).toContain('unknown parameter type "int"');
    expect(logicError(() => description.add('p', 'VPSet' as 'int32')).message).toContain('addVPSet');
  });

  it('refuses a label used twice with CMSSW’s duplicate-label message', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'int32', 1);
    expect(logicError(() => description.addOptionalUntracked('x', 'string')).message).toBe(
      'Labels used in different nodes of a ParameterSetDescription\nmust be unique.  The following duplicate labels were detected:\n "x"\n',
    );
    expect(logicError(() => description.add('', 'int32', 1)).message).toContain('non-empty label');
  });

  it('refuses VPSet defaults that do not satisfy the element description', () => {
    const element = new ParameterSetDescription();
    element.add('x', 'int32');
    const description = new ParameterSetDescription();
    const error = logicError(() =>
      description.addVPSet('points', element, [new ParameterSet().addParameter('x', 'int32', 1), new ParameterSet()]),
    );
    expect(error.message).toBe(
      'Element 1 of the default of parameter "points" (tracked VPSet) does not satisfy its element description:\nMissing required parameter.  It should have label "x" and have type "tracked int32".\nThe description has no default.  The parameter must be defined in the configuration\n',
    );
    expect(logicError(() => description.addVPSet('bad', element, [1] as unknown as ParameterSet[])).message).toContain(
      'parameter "bad" (tracked VPSet)',
    );
  });

  it('accepts only the "*" wildcard pattern', () => {
    const description = new ParameterSetDescription();
    const wildcard = description.addWildcard('*', 'vstring', false).setComment('any lists');
    expect([wildcard.kind, wildcard.type, wildcard.tracked, wildcard.criteria, wildcard.comment]).toEqual([
      'wildcard',
      'vstring',
      false,
      'zeroOrMore',
      'any lists',
    ]);
    expect(logicError(() => description.addWildcard('a*' as '*', 'int32')).message).toContain('pattern "a*"');
  });

  it('keeps the description comment and the allow-anything flag', () => {
    const description = new ParameterSetDescription().setComment('top').setAllowAnything();
    expect(description.comment).toBe('top');
    expect(description.anythingAllowed).toBe(true);
    expect(description.isUnknown).toBe(false);
  });
});
