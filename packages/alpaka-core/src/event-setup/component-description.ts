import type { ParameterSet } from '../parameter-set/parameter-set';

/** CMSSW's edm::eventsetup::ComponentDescription: an ES module's type and label, for messages and ESInputTags. */
export interface ComponentDescription {
  readonly type: string;
  readonly label: string;
}

/** What the parameters CMSSW's Python inserts (`@module_type`, `@module_label`) say, before the provider sets it. */
export function componentDescriptionFromParameters(
  parameters: ParameterSet,
  fallbackType: string,
): ComponentDescription {
  return {
    type: stringParameter(parameters, '@module_type') || fallbackType,
    label: stringParameter(parameters, '@module_label'),
  };
}

/**
 * The label an ESInputTag's module field selects: the module's label, or its type when it has none, as CMSSW
 * matches ES modules configured without a label.
 */
export function selectableModuleLabel(description: ComponentDescription): string {
  return description.label !== '' ? description.label : description.type;
}

/** `T/'label'`, as CMSSW's ES context lines name a module. */
export function describeComponent(description: ComponentDescription): string {
  return `${description.type}/'${description.label}'`;
}

function stringParameter(parameters: ParameterSet, name: string): string {
  const entry = parameters.entry(name);
  return entry !== undefined && typeof entry.value === 'string' ? entry.value : '';
}
