import type { ModuleEdmType } from '../configuration/process-description';
import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import type { ParameterSet } from '../parameter-set/parameter-set';

/**
 * What the registry holds for a module type: a class the framework constructs with the module's validated
 * parameter set, knowing from its base class which kind of module it is (`edmType`, set by the bases in
 * `modules/`, `event-setup/` and `sources/`), and optionally how it describes its parameters
 * (`fillDescriptions`, as CMSSW's static member function).
 */
export interface ModuleClass {
  // biome-ignore lint/suspicious/noExplicitAny: constructed by the framework with the parameter set and base-specific extras.
  new (parameters: ParameterSet, ...rest: any[]): object;
  readonly edmType: ModuleEdmType;
  readonly name: string;
  fillDescriptions?(descriptions: ConfigurationDescriptions): void;
}

export function isModuleClass(value: unknown): value is ModuleClass {
  return typeof value === 'function' && typeof (value as { edmType?: unknown }).edmType === 'string';
}
