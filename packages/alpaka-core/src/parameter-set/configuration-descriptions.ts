// Placeholder for this session's parameter-description work (helper H1 replaces this file): the API below is
// the contract the module registry and the event processor code against.
import type { ParameterSet } from './parameter-set';

/** CMSSW's edm::ConfigurationDescriptions: the parameter descriptions a module type declares in fillDescriptions. */
export class ConfigurationDescriptions {
  readonly baseType: string;
  readonly pluginName: string;
  constructor(baseType: string, pluginName: string) {
    this.baseType = baseType;
    this.pluginName = pluginName;
  }
  /**
   * Validates a module's parameter set against the description for its label (CMSSW's rule: the same label,
   * else the default, else the first), inserting defaults; throws Configuration (8009) with CMSSW's messages.
   */
  validate(_parameters: ParameterSet, _moduleLabel: string): void {}
}

/**
 * Validates one module's parameters before construction (CMSSW's Maker): builds its ConfigurationDescriptions
 * from the class's fillDescriptions, validates (inserting defaults into `parameters`), and on failure throws the
 * Configuration error with the context `Validating configuration of module: class=T label='l'`.
 */
export function validateModuleParameters(
  _moduleClass: { readonly edmType: string; fillDescriptions?(descriptions: ConfigurationDescriptions): void },
  _moduleType: string,
  _moduleLabel: string,
  _parameters: ParameterSet,
): void {}
