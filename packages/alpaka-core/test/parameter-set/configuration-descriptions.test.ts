import { describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import {
  ConfigurationDescriptions,
  validateModuleParameters,
} from '../../src/parameter-set/configuration-descriptions';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';

function describing(label: string, value: number): ParameterSetDescription {
  const description = new ParameterSetDescription();
  description.add(label, 'int32', value);
  return description;
}

describe('ConfigurationDescriptions', () => {
  it('validates with the description of the same label, else the default, else the first', () => {
    const descriptions = new ConfigurationDescriptions('EDProducer', 'IntProducer');
    descriptions.add('first', describing('a', 1));
    descriptions.add('second', describing('b', 2));
    const second = new ParameterSet();
    descriptions.validate(second, 'second');
    expect(second.names()).toEqual(['b']);
    const other = new ParameterSet();
    descriptions.validate(other, 'other');
    expect(other.names()).toEqual(['a']);
    descriptions.addDefault(describing('c', 3));
    const withDefault = new ParameterSet();
    descriptions.validate(withDefault, 'other');
    expect(withDefault.names()).toEqual(['c']);
    const first = new ParameterSet();
    descriptions.validate(first, 'first');
    expect(first.names()).toEqual(['a']);
  });

  it('validates nothing when no description was added or it is unknown', () => {
    const parameters = new ParameterSet().addParameter('anything', 'int32', 1);
    new ConfigurationDescriptions('EDProducer', 'X').validate(parameters, 'x');
    const unknown = new ConfigurationDescriptions('EDProducer', 'X');
    unknown.add('x', describing('a', 1));
    unknown.setUnknown();
    unknown.validate(parameters, 'x');
    expect(parameters.names()).toEqual(['anything']);
  });

  it('adds with the default label from the plugin name, and iterates in order', () => {
    const descriptions = new ConfigurationDescriptions('EDProducer', 'TestAlpakaProducer@alpaka');
    const description = describing('a', 1);
    descriptions.addWithDefaultLabel(description);
    descriptions.add('another', describing('b', 2));
    expect([...descriptions].map(({ label }) => label)).toEqual(['testAlpakaProducer', 'another']);
    expect(descriptions.descriptions[0]?.description).toBe(description);
    expect(new ConfigurationDescriptions('Source', 'EmptySource').defaultLabel).toBe('source');
    expect(new ConfigurationDescriptions('Service', 'Tracer').defaultLabel).toBe('Tracer');
    expect(new ConfigurationDescriptions('EDFilter', 'HLTFilter').defaultLabel).toBe('hltFilter');
  });

  it('refuses a label added twice and a source description not labelled "source"', () => {
    const descriptions = new ConfigurationDescriptions('EDProducer', 'X');
    descriptions.add('x', describing('a', 1));
    expect(() => descriptions.add('x', describing('b', 1))).toThrow(/already added/);
    const source = new ConfigurationDescriptions('Source', 'EmptySource');
    expect(() => source.add('mySource', describing('a', 1))).toThrow(/the label must be "source"/);
  });
});

// biome-ignore lint/complexity/noStaticOnlyClass: a module class is what the framework constructs; its descriptions are static
class IntProducer {
  static readonly edmType = 'EDProducer';
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('ivalue', 'int32');
    description.addUntracked('verbose', 'bool', false);
    descriptions.addWithDefaultLabel(description);
  }
}

function moduleParameters(edmType = 'EDProducer'): ParameterSet {
  return new ParameterSet()
    .addParameter('@module_label', 'string', 'producer')
    .addParameter('@module_type', 'string', 'IntProducer')
    .addParameter('@module_edm_type', 'string', edmType);
}

function thrownBy(action: () => void): FrameworkError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkError);
    return error as FrameworkError;
  }
  throw new Error('expected an error');
}

describe('validateModuleParameters (CMSSW Maker)', () => {
  it('inserts defaults into the module parameter set', () => {
    const parameters = moduleParameters().addParameter('ivalue', 'int32', 5);
    validateModuleParameters(IntProducer, 'IntProducer', 'producer', parameters);
    expect(parameters.getUntrackedParameter('verbose')).toBe(false);
    expect(parameters.getParameter('ivalue')).toBe(5);
  });

  it('adds the Validating configuration context to a validation error (exit 8009)', () => {
    const error = thrownBy(() => validateModuleParameters(IntProducer, 'IntProducer', 'producer', moduleParameters()));
    expect(error.category).toBe('Configuration');
    expect(error.exitCode).toBe(8009);
    expect(error.contexts).toEqual(["Validating configuration of module: class=IntProducer label='producer'"]);
    expect(error.explainSelf()).toBe(
      [
        "An exception of category 'Configuration' occurred while",
        "   [0] Validating configuration of module: class=IntProducer label='producer'",
        'Exception Message:',
        'Missing required parameter.  It should have label "ivalue" and have type "tracked int32".',
        'The description has no default.  The parameter must be defined in the configuration',
        '',
      ].join('\n'),
    );
  });

  it('refuses a configuration whose base type differs from the class’s', () => {
    const parameters = moduleParameters('EDFilter').addParameter('ivalue', 'int32', 1);
    const error = thrownBy(() => validateModuleParameters(IntProducer, 'IntProducer', 'producer', parameters));
    expect(error.message).toBe(
      "The base type in the python configuration is EDFilter, but the base type for the module's C++ class is EDProducer. Please fix the configuration.",
    );
    expect(error.exitCode).toBe(8009);
    expect(error.contexts).toEqual(["Validating configuration of module: class=IntProducer label='producer'"]);
  });

  it('does not validate a class without fillDescriptions, but still checks its base type', () => {
    const NoDescription = { edmType: 'EDAnalyzer' };
    const parameters = moduleParameters('EDAnalyzer').addParameter('whatever', 'int32', 1);
    validateModuleParameters(NoDescription, 'NoDescription', 'a', parameters);
    expect(parameters.names()).toContain('whatever');
    expect(() => validateModuleParameters(NoDescription, 'NoDescription', 'a', moduleParameters())).toThrow(
      /base type in the python configuration is EDProducer/,
    );
  });

  it('wraps a plain Error from fillDescriptions as a std::exception with the context', () => {
    const Broken = {
      edmType: 'EDProducer',
      fillDescriptions(): void {
        throw new TypeError('oops');
      },
    };
    const error = thrownBy(() => validateModuleParameters(Broken, 'Broken', 'b', new ParameterSet()));
    expect(error.category).toBe('StdException');
    expect(error.message).toBe('A std::exception was thrown.\nTypeError: oops');
    expect(error.contexts).toEqual(["Validating configuration of module: class=Broken label='b'"]);
  });
});
