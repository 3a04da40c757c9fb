import { isAlpakaModuleClass } from '../alpaka/alpaka-module-binding';
import { modulePrevalidate } from '../alpaka/module-prevalidate';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import { defaultModuleLabel } from './default-module-label';
import type { ParameterSet } from './parameter-set';
import { ParameterSetDescription } from './parameter-set-description';

/** One description of a ConfigurationDescriptions with the module label it is for. */
export interface LabelledDescription {
  readonly label: string;
  readonly description: ParameterSetDescription;
}

/**
 * CMSSW's edm::ConfigurationDescriptions: the parameter descriptions a module type declares in its static
 * fillDescriptions, each for a module label (the label a cfi file would give it), plus optionally a default
 * description for any other label. A type whose fillDescriptions declares nothing validates nothing.
 */
export class ConfigurationDescriptions {
  /** The module's base type (its edmType: EDProducer, ESSource, Source …). */
  readonly baseType: string;
  /** The module type name (the plugin name). */
  readonly pluginName: string;
  readonly #descriptions: LabelledDescription[] = [];
  #defaultDescription: ParameterSetDescription | undefined;
  #unknown = false;

  constructor(baseType: string, pluginName: string) {
    this.baseType = baseType;
    this.pluginName = pluginName;
  }

  /** The description for modules with this label. */
  add(label: string, description: ParameterSetDescription): void {
    if (!(description instanceof ParameterSetDescription)) {
      throw new FrameworkError(
        'LogicError',
        `ConfigurationDescriptions::add for ${this.pluginName}: the description for label '${label}' must be a ParameterSetDescription.`,
      );
    }
    if (this.baseType === 'Source' && label !== 'source') {
      throw new FrameworkError(
        'LogicError',
        'ConfigurationDescriptions::add, when adding a ParameterSetDescription for a source the label must be "source"\n',
      );
    }
    if (this.#descriptions.some((entry) => entry.label === label)) {
      throw new FrameworkError(
        'LogicError',
        `ConfigurationDescriptions::add for ${this.pluginName}: a description for label '${label}' was already added.`,
      );
    }
    this.#descriptions.push({ label, description });
  }

  /**
   * The description under the plugin's default label: `source` for a source, the plugin name for a service,
   * otherwise defaultModuleLabel(pluginName) (`TestAlpakaProducer@alpaka` → `testAlpakaProducer`).
   */
  addWithDefaultLabel(description: ParameterSetDescription): void {
    this.add(this.defaultLabel, description);
  }

  /** The label addWithDefaultLabel uses. */
  get defaultLabel(): string {
    if (this.baseType === 'Source') return 'source';
    if (this.baseType === 'Service') return this.pluginName;
    return defaultModuleLabel(this.pluginName);
  }

  /** The description for labels that have none of their own. */
  addDefault(description: ParameterSetDescription): void {
    this.#defaultDescription = description;
  }

  /** Nothing is known: no validation (CMSSW's setUnknown, what a module without fillDescriptions gets). */
  setUnknown(): void {
    this.#unknown = true;
  }

  get isUnknown(): boolean {
    return this.#unknown;
  }

  get defaultDescription(): ParameterSetDescription | undefined {
    return this.#defaultDescription;
  }

  /** The labelled descriptions in the order they were added. */
  get descriptions(): readonly LabelledDescription[] {
    return this.#descriptions;
  }

  [Symbol.iterator](): IterableIterator<LabelledDescription> {
    return this.#descriptions[Symbol.iterator]();
  }

  /** The description validate uses for a label: the same label, else the default, else the first. */
  descriptionFor(moduleLabel: string): ParameterSetDescription | undefined {
    if (this.#unknown) return undefined;
    const own = this.#descriptions.find((entry) => entry.label === moduleLabel);
    return own?.description ?? this.#defaultDescription ?? this.#descriptions[0]?.description;
  }

  /**
   * Validates a module's parameter set against the description for its label (CMSSW's rule: the same label,
   * else the default, else the first), inserting defaults; throws Configuration (8009) with CMSSW's messages.
   */
  validate(parameters: ParameterSet, moduleLabel: string): void {
    this.descriptionFor(moduleLabel)?.validate(parameters);
  }
}

/**
 * Validates one module's parameters before construction (CMSSW's Maker): builds its ConfigurationDescriptions
 * from the class's fillDescriptions, validates (inserting defaults into `parameters`), and on failure throws the
 * Configuration error with the context `Validating configuration of module: class=T label='l'`.
 */
export function validateModuleParameters(
  moduleClass: { readonly edmType: string; fillDescriptions?(descriptions: ConfigurationDescriptions): void },
  moduleType: string,
  moduleLabel: string,
  parameters: ParameterSet,
): void {
  const descriptions = new ConfigurationDescriptions(moduleClass.edmType, moduleType);
  try {
    // Inside the try, unlike CMSSW, so a module author's mistake in fillDescriptions names the module too.
    if (typeof moduleClass.fillDescriptions === 'function') moduleClass.fillDescriptions(descriptions);
    else descriptions.setUnknown();
    if (moduleClass.edmType === 'ESProducer' || moduleClass.edmType === 'ESSource') addAppendToDataLabel(descriptions);
    if (isAlpakaModuleClass(moduleClass)) modulePrevalidate(descriptions);
    descriptions.validate(parameters, moduleLabel);
    checkBaseType(moduleClass.edmType, parameters);
  } catch (thrown) {
    throw convertException(thrown).addContext(
      `Validating configuration of module: class=${moduleType} label='${moduleLabel}'`,
    );
  }
}

/**
 * CMSSW's DescriptionFillerForESProducers/ESSources: every EventSetup module takes `appendToDataLabel` (tracked
 * string, default ""), appended to each product label it registers, without declaring it itself.
 */
function addAppendToDataLabel(descriptions: ConfigurationDescriptions): void {
  const all = [...descriptions.descriptions.map((entry) => entry.description), descriptions.defaultDescription];
  for (const description of all) {
    if (description !== undefined && !description.isLabelUsed('appendToDataLabel')) {
      description.add('appendToDataLabel', 'string', '');
    }
  }
}

/** CMSSW's Maker::validateEDMType: the configuration's builder must match the class's base. */
function checkBaseType(edmType: string, parameters: ParameterSet): void {
  const entry = parameters.entry('@module_edm_type');
  if (entry === undefined || entry.value === edmType) return;
  throw new FrameworkError(
    'Configuration',
    `The base type in the python configuration is ${String(entry.value)}, but the base type for the module's C++ class is ${edmType}. Please fix the configuration.`,
  );
}
