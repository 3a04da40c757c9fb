import { FrameworkError } from '../errors/framework-error';
import type { ParameterTypeName } from './parameter-type';

// The Configuration errors of CMSSW's validation, word for word (FWCore/ParameterSet/src/
// ParameterDescriptionBase.cc, ParameterSetDescription.cc, ParameterWildcardBase.cc), trailing newline
// included: explainSelf prints the message without it, as cms::Exception does.

/** The configuration has the parameter with the described type but the other trackiness. */
export function wrongTrackinessError(label: string, type: ParameterTypeName, tracked: boolean): FrameworkError {
  const inConfiguration = tracked ? 'an untracked' : 'a tracked';
  const shouldBe = tracked ? 'tracked' : 'untracked';
  return new FrameworkError(
    'Configuration',
    `In the configuration, parameter "${label}" is defined as ${inConfiguration} ${type}.\nIt should be ${shouldBe}.\n`,
  );
}

/** The configuration has the label with another type. */
export function wrongTypeError(label: string, type: ParameterTypeName, tracked: boolean): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `Parameter "${label}" should be defined as ${tracked ? 'a tracked' : 'an untracked'} ${type}.\nThe type in the configuration is incorrect.\n`,
  );
}

/** A required parameter without a default is absent. */
export function missingRequiredError(label: string, type: ParameterTypeName, tracked: boolean): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `Missing required parameter.  It should have label "${label}" and have type "${tracked ? 'tracked' : 'untracked'} ${type}".\nThe description has no default.  The parameter must be defined in the configuration\n`,
  );
}

/** Parameters the description does not declare; `names` sorted as CMSSW's std::set. */
export function illegalParametersError(names: readonly string[]): FrameworkError {
  const one = names.length === 1;
  const lines = [
    one
      ? 'Illegal parameter found in configuration.  The parameter is named:'
      : 'Illegal parameters found in configuration.  The parameters are named:',
    ...names.map((name) => ` "${name}"`),
    one
      ? 'You could be trying to use a parameter name that is not\nallowed for this module or it could be mispelled.'
      : 'You could be trying to use parameter names that are not\nallowed for this module or they could be mispelled.',
  ];
  return new FrameworkError('Configuration', `${lines.join('\n')}\n`);
}

/** A RequireAtLeastOne wildcard matched nothing. */
export function wildcardAtLeastOneError(type: ParameterTypeName): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `Parameter wildcard of type "${type}" requires at least one match\nand there are no parameters in the configuration matching\nthat type.\n`,
  );
}

/** A RequireExactlyOne wildcard matched nothing or several. */
export function wildcardExactlyOneError(type: ParameterTypeName): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `Parameter wildcard of type "${type}" requires exactly one match\nand there are multiple or no parameters in the configuration matching\nthat type.\n`,
  );
}
