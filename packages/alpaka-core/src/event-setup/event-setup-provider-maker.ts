import type { ModuleDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import type { ModuleRegistry } from '../modules/module-registry';
import { validateModuleParameters } from '../parameter-set/configuration-descriptions';
import type { CreateEventSetupProvider } from '../scheduling/event-processor-contract';
import { ESProducer } from './es-producer';
import { EventSetupProviderImpl } from './event-setup-provider-impl';
import { EventSetupRecordIntervalFinder } from './event-setup-record-interval-finder';

/**
 * CMSSW's EventSetupProviderMaker: the job's ESSources and ESProducers, resolved through the registry,
 * validated against their fillDescriptions (defaults inserted), constructed with their parameters, and wired
 * into records. Records named by string (EmptyESSource) are looked up once every module is constructed, since
 * the modules' code is what declares them.
 */
export const createEventSetupProvider: CreateEventSetupProvider = async (modules, registry, activity) => {
  const finders: EventSetupRecordIntervalFinder[] = [];
  const producers: ESProducer[] = [];
  for (const description of modules) {
    const module = await constructEventSetupModule(description, registry);
    if (module instanceof ESProducer) producers.push(module);
    else finders.push(module);
  }
  for (const finder of finders) finder.delaySettingRecords();
  return new EventSetupProviderImpl(finders, producers, activity);
};

async function constructEventSetupModule(
  description: ModuleDescription,
  registry: ModuleRegistry,
): Promise<ESProducer | EventSetupRecordIntervalFinder> {
  const { type, label, edmType, parameters } = description;
  const moduleClass = await registry.resolve(type);
  if (moduleClass.edmType !== edmType) {
    throw new FrameworkError(
      'Configuration',
      `The module type "${type}" (label '${label}') is ${articleFor(moduleClass.edmType)} ${moduleClass.edmType}, but the configuration declares it as ${articleFor(edmType)} ${edmType}: use cms.${moduleClass.edmType}("${type}", …) for it.`,
    );
  }
  if (edmType !== 'ESProducer' && edmType !== 'ESSource') {
    throw new FrameworkError(
      'LogicError',
      `createEventSetupProvider got the ${edmType} '${label}' (type "${type}"): only ESProducers and ESSources belong in the EventSetup.`,
    );
  }
  validateModuleParameters(moduleClass, type, label, parameters);
  let module: object;
  try {
    module = new moduleClass(parameters);
  } catch (thrown) {
    throw convertException(thrown).addContext(`Constructing ${edmType}: class=${type} label='${label}'`);
  }
  if (!(module instanceof ESProducer) && !(module instanceof EventSetupRecordIntervalFinder)) {
    throw new FrameworkError(
      'Configuration',
      `The ${edmType} type "${type}" does not extend the framework's ${edmType} base class, so the EventSetup cannot use it.`,
    );
  }
  module.componentDescription = { type, label };
  return module;
}

function articleFor(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
