import { type ConfigurationDescriptions, ParameterSetDescription } from '@alpaka-ts/core';

/** The description of a module with no parameters of its own (the framework adds appendToDataLabel and alpaka). */
export function describeNothing(descriptions: ConfigurationDescriptions): void {
  descriptions.addWithDefaultLabel(new ParameterSetDescription());
}
