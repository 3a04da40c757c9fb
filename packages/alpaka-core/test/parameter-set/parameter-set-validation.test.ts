import { describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';

function configurationError(action: () => void): FrameworkError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkError);
    const frameworkError = error as FrameworkError;
    expect(frameworkError.category).toBe('Configuration');
    expect(frameworkError.exitCode).toBe(8009);
    return frameworkError;
  }
  throw new Error('expected a Configuration error');
}

describe('ParameterSetDescription.validate: CMSSW messages', () => {
  it('refuses a tracked parameter described as untracked', () => {
    const description = new ParameterSetDescription();
    description.addUntracked('x', 'int32', 1);
    const error = configurationError(() => description.validate(new ParameterSet().addParameter('x', 'int32', 2)));
    expect(error.message).toBe(
      'In the configuration, parameter "x" is defined as a tracked int32.\nIt should be untracked.\n',
    );
  });

  it('refuses an untracked parameter described as tracked', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'vstring', []);
    const parameters = new ParameterSet().addUntrackedParameter('x', 'vstring', ['a']);
    expect(configurationError(() => description.validate(parameters)).message).toBe(
      'In the configuration, parameter "x" is defined as an untracked vstring.\nIt should be tracked.\n',
    );
  });

  it('refuses a parameter of another type, naming the described kind', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'int32', 1);
    const parameters = new ParameterSet().addParameter('x', 'string', 'one');
    expect(configurationError(() => description.validate(parameters)).message).toBe(
      'Parameter "x" should be defined as a tracked int32.\nThe type in the configuration is incorrect.\n',
    );
    const untracked = new ParameterSetDescription();
    untracked.addUntracked('y', 'double', 1);
    // Another type with the other trackiness is a type error too (CMSSW checks the same type first).
    expect(configurationError(() => untracked.validate(new ParameterSet().addParameter('y', 'int32', 1))).message).toBe(
      'Parameter "y" should be defined as an untracked double.\nThe type in the configuration is incorrect.\n',
    );
  });

  it('refuses a missing required parameter', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'int32');
    expect(configurationError(() => description.validate(new ParameterSet())).message).toBe(
      'Missing required parameter.  It should have label "x" and have type "tracked int32".\nThe description has no default.  The parameter must be defined in the configuration\n',
    );
    const untracked = new ParameterSetDescription();
    untracked.addUntracked('tag', 'InputTag');
    expect(configurationError(() => untracked.validate(new ParameterSet())).message).toContain(
      'It should have label "tag" and have type "untracked InputTag".',
    );
  });

  it('refuses one illegal parameter, and several sorted by name', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'int32', 1);
    const one = new ParameterSet().addParameter('foo', 'int32', 1);
    expect(configurationError(() => description.validate(one)).message).toBe(
      'Illegal parameter found in configuration.  The parameter is named:\n "foo"\nYou could be trying to use a parameter name that is not\nallowed for this module or it could be mispelled.\n',
    );
    const two = new ParameterSet().addParameter('zeta', 'int32', 1).addUntrackedParameter('alpha', 'bool', true);
    expect(configurationError(() => description.validate(two)).message).toBe(
      'Illegal parameters found in configuration.  The parameters are named:\n "alpha"\n "zeta"\nYou could be trying to use parameter names that are not\nallowed for this module or they could be mispelled.\n',
    );
  });

  it('ignores labels starting with @ and accepts anything once setAllowAnything is called', () => {
    const description = new ParameterSetDescription();
    description.add('x', 'int32', 1);
    const parameters = new ParameterSet()
      .addParameter('@module_label', 'string', 'm')
      .addParameter('@module_type', 'string', 'T')
      .addParameter('@module_edm_type', 'string', 'EDProducer');
    description.validate(parameters);
    expect(parameters.names()).toEqual(['@module_label', '@module_type', '@module_edm_type', 'x']);
    parameters.addParameter('other', 'string', 'y');
    expect(() => description.validate(parameters)).toThrow(/"other"/);
    description.setAllowAnything();
    description.validate(parameters);
  });

  it('validates nothing for an unknown description', () => {
    const description = new ParameterSetDescription().setUnknown();
    description.add('x', 'int32');
    const parameters = new ParameterSet().addParameter('anything', 'int32', 1);
    description.validate(parameters);
    expect(parameters.names()).toEqual(['anything']);
  });
});

describe('ParameterSetDescription.validate: defaults and optional parameters', () => {
  it('inserts defaults with their trackiness and keeps configured values', () => {
    const description = new ParameterSetDescription();
    description.add('count', 'int32', 3);
    description.addUntracked('names', 'vstring', ['a', 'b']);
    description.add('source', 'InputTag', new InputTag('producer', 'instance'));
    description.add('big', 'uint64', 2n ** 63n);
    const parameters = new ParameterSet().addParameter('count', 'int32', 7);
    description.validate(parameters);
    expect(parameters.getParameter('count')).toBe(7);
    expect(parameters.getUntrackedParameter('names')).toEqual(['a', 'b']);
    expect(parameters.entry('names')?.tracked).toBe(false);
    expect(parameters.getParameter<InputTag>('source').encode()).toBe('producer:instance');
    expect(parameters.getParameter('big')).toBe(2n ** 63n);
  });

  it('inserts a copy of a vector default, so one module cannot change another module’s default', () => {
    const description = new ParameterSetDescription();
    const defaults = [1, 2];
    description.add('values', 'vint32', defaults);
    const first = new ParameterSet();
    description.validate(first);
    expect(first.getParameter('values')).toEqual([1, 2]);
    expect(first.getParameter('values')).not.toBe(defaults);
  });

  it('skips absent optional parameters and checks present ones', () => {
    const description = new ParameterSetDescription();
    description.addOptional('maybe', 'int32');
    description.addOptionalUntracked('verbose', 'bool');
    const absent = new ParameterSet();
    description.validate(absent);
    expect(absent.size).toBe(0);
    description.validate(new ParameterSet().addUntrackedParameter('verbose', 'bool', true));
    expect(
      configurationError(() => description.validate(new ParameterSet().addUntrackedParameter('maybe', 'int32', 1)))
        .message,
    ).toBe('In the configuration, parameter "maybe" is defined as an untracked int32.\nIt should be tracked.\n');
  });
});

describe('ParameterSetDescription.validate: nested PSets, VPSets and wildcards', () => {
  function nested(): ParameterSetDescription {
    const inner = new ParameterSetDescription();
    inner.add('depth', 'int32', 2);
    inner.addUntracked('name', 'string');
    return inner;
  }

  it('inserts an absent nested PSet with its defaults and validates a present one', () => {
    const inner = new ParameterSetDescription();
    inner.add('depth', 'int32', 2);
    const description = new ParameterSetDescription();
    description.add('options', inner);
    const parameters = new ParameterSet();
    description.validate(parameters);
    expect(parameters.entry('options')?.type).toBe('PSet');
    expect(parameters.getParameter<ParameterSet>('options').getParameter('depth')).toBe(2);

    const configured = new ParameterSet().addParameter(
      'options',
      'PSet',
      new ParameterSet().addParameter('depth', 'int32', 5),
    );
    description.validate(configured);
    expect(configured.getParameter<ParameterSet>('options').getParameter('depth')).toBe(5);
  });

  it('reports errors inside a nested PSet with the nested label', () => {
    const description = new ParameterSetDescription();
    description.addUntracked('options', nested());
    const parameters = new ParameterSet().addUntrackedParameter('options', 'PSet', new ParameterSet());
    expect(configurationError(() => description.validate(parameters)).message).toContain(
      'It should have label "name" and have type "untracked string".',
    );
    const illegal = new ParameterSet().addUntrackedParameter(
      'options',
      'PSet',
      new ParameterSet().addUntrackedParameter('name', 'string', 'n').addParameter('dpeth', 'int32', 1),
    );
    expect(configurationError(() => description.validate(illegal)).message).toContain(' "dpeth"\n');
    const wrongKind = new ParameterSet().addParameter('options', 'PSet', new ParameterSet());
    expect(configurationError(() => description.validate(wrongKind)).message).toBe(
      'In the configuration, parameter "options" is defined as a tracked PSet.\nIt should be untracked.\n',
    );
  });

  it('skips an absent optional nested PSet', () => {
    const description = new ParameterSetDescription();
    description.addOptional('options', nested());
    const parameters = new ParameterSet();
    description.validate(parameters);
    expect(parameters.exists('options')).toBe(false);
  });

  it('validates every VPSet element, inserting defaults into each', () => {
    const element = new ParameterSetDescription();
    element.add('x', 'int32', 0);
    element.add('y', 'double');
    const description = new ParameterSetDescription();
    description.addVPSet('points', element);
    expect(configurationError(() => description.validate(new ParameterSet())).message).toContain(
      'It should have label "points" and have type "tracked VPSet".',
    );
    const parameters = new ParameterSet().addParameter('points', 'VPSet', [
      new ParameterSet().addParameter('y', 'double', 1.5),
      new ParameterSet().addParameter('x', 'int32', 4).addParameter('y', 'double', 2),
    ]);
    description.validate(parameters);
    const points = parameters.getParameter<readonly ParameterSet[]>('points');
    expect(points.map((point) => point.getParameter('x'))).toEqual([0, 4]);
    const bad = new ParameterSet().addParameter('points', 'VPSet', [new ParameterSet().addParameter('x', 'int32', 1)]);
    expect(configurationError(() => description.validate(bad)).message).toContain('have label "y"');
  });

  it('inserts validated copies of VPSet defaults', () => {
    const element = new ParameterSetDescription();
    element.add('x', 'int32', 0);
    element.addUntracked('label', 'string', 'none');
    const defaults = [new ParameterSet().addParameter('x', 'int32', 9)];
    const description = new ParameterSetDescription();
    description.addVPSetUntracked('points', element, defaults);
    const parameters = new ParameterSet();
    description.validate(parameters);
    const [point] = parameters.getUntrackedParameter<readonly ParameterSet[]>('points');
    expect(point?.getParameter('x')).toBe(9);
    expect(point?.getUntrackedParameter('label')).toBe('none');
    expect(defaults[0]?.exists('label')).toBe(false);
  });

  it('accepts any label of a wildcard type and trackiness, and nothing else', () => {
    const description = new ParameterSetDescription();
    description.add('fixed', 'string', 'f');
    description.addWildcard('*', 'int32', true);
    const parameters = new ParameterSet().addParameter('a', 'int32', 1).addParameter('b', 'int32', 2);
    description.validate(parameters);
    expect(parameters.names()).toEqual(['a', 'b', 'fixed']);
    parameters.addUntrackedParameter('c', 'int32', 3);
    expect(configurationError(() => description.validate(parameters)).message).toContain(' "c"\n');
  });

  it('validates each PSet a PSet wildcard matches, and applies its criteria', () => {
    const inner = new ParameterSetDescription();
    inner.add('weight', 'double', 1);
    const description = new ParameterSetDescription();
    description.addWildcard('*', inner, false, 'atLeastOne');
    expect(configurationError(() => description.validate(new ParameterSet())).message).toBe(
      'Parameter wildcard of type "PSet" requires at least one match\nand there are no parameters in the configuration matching\nthat type.\n',
    );
    const parameters = new ParameterSet().addUntrackedParameter('first', 'PSet', new ParameterSet());
    description.validate(parameters);
    expect(parameters.getUntrackedParameter<ParameterSet>('first').getParameter('weight')).toBe(1);
  });
});

describe('ParameterSetDescription.validate: shared nested sets', () => {
  it('does not insert defaults into a nested PSet or VPSet element the configuration shares', () => {
    const inner = new ParameterSetDescription();
    inner.add('depth', 'int32', 2);
    const description = new ParameterSetDescription();
    description.add('options', inner);
    description.addVPSet('points', inner);
    const shared = new ParameterSet();
    const parameters = new ParameterSet()
      .addParameter('options', 'PSet', shared)
      .addParameter('points', 'VPSet', [shared]);
    description.validate(parameters);
    expect(shared.size).toBe(0);
    expect(parameters.getParameter<ParameterSet>('options').getParameter('depth')).toBe(2);
    expect(parameters.getParameter<readonly ParameterSet[]>('points')[0]?.getParameter('depth')).toBe(2);
  });
});
