import { dirname, resolve } from 'node:path';
import type { ProcessDescription } from '../configuration/process-description';
import { registerBuiltInEventSetupModules } from '../event-setup/register-built-in-event-setup-modules';
import type { ModuleClass } from '../modules/module-class';
import { ModuleRegistry } from '../modules/module-registry';
import { discoverPluginManifests } from '../modules/plugin-manifest';
import { validateModuleParameters } from '../parameter-set/configuration-descriptions';
import { registerBuiltInModules } from '../sources/built-in-modules';

/**
 * The module types a job sees, as cmsRun's plugin manager does: the framework's own (EmptySource,
 * EmptyESSource), every type the installed packages' plugin manifests declare (found from the configuration's
 * folder and the working directory, without importing anything), and the classes the configuration registered
 * itself (process.registerModule). Manifest problems are warnings: one broken package does not stop a job
 * that does not use it.
 */
export async function buildJobRegistry(options: {
  readonly searchFrom: readonly string[];
  readonly moduleClasses?: ReadonlyMap<string, ModuleClass>;
  readonly warn: (text: string) => void;
}): Promise<ModuleRegistry> {
  const registry = registerBuiltInEventSetupModules(registerBuiltInModules(new ModuleRegistry()));
  for (const [typeName, moduleClass] of options.moduleClasses ?? []) registry.register(moduleClass, typeName);
  const discovery = await discoverPluginManifests(registry, { from: options.searchFrom });
  for (const problem of discovery.problems) options.warn(`%MSG-w PluginManifest: ${problem}\n%MSG`);
  return registry;
}

/** Where to look for plugin manifests for a configuration file: its folder, then the working directory. */
export function manifestSearchDirectories(configurationFile: string | undefined): string[] {
  const directories = [process.cwd()];
  if (configurationFile !== undefined) directories.unshift(dirname(resolve(configurationFile)));
  return directories;
}

/**
 * Validates every module of a description against its class's fillDescriptions, inserting the defaults into
 * the description's parameter sets (what `--dump-config` prints), with CMSSW's messages on a mistake.
 */
export async function validateProcessDescription(
  description: ProcessDescription,
  registry: ModuleRegistry,
): Promise<void> {
  // A SwitchProducer's label holds a placeholder until start-up chooses a case: its cases are validated instead.
  const switches = new Set((description.switchProducers ?? []).map((switchProducer) => switchProducer.label));
  const modules = [
    ...(description.source === undefined ? [] : [description.source]),
    ...[...description.modules.values()].filter((module) => !switches.has(module.label)),
    ...(description.switchProducers ?? []).flatMap((switchProducer) => switchProducer.cases.map((c) => c.module)),
    ...description.eventSetupModules,
  ];
  for (const module of modules) {
    const type = validationType(module.type, registry);
    const moduleClass = await registry.resolve(type);
    validateModuleParameters(moduleClass, type, module.label, module.parameters);
  }
}

/**
 * The type whose class validates a module before start-up. A `Name@alpaka` type gets its backend only when
 * the EventProcessor is constructed; every backend's class has the same fillDescriptions (modulePrevalidate
 * checks it), so the class registered as `Name` validates it, or else that of any backend the registry knows,
 * serial_sync's first.
 */
function validationType(type: string, registry: ModuleRegistry): string {
  if (!type.endsWith('@alpaka') || registry.has(type)) return type;
  const base = type.slice(0, -'@alpaka'.length);
  if (registry.has(base)) return base;
  const bound = registry.typeNames().filter((name) => name.startsWith('alpaka_') && name.endsWith(`::${base}`));
  return bound.find((name) => name === `alpaka_serial_sync::${base}`) ?? bound[0] ?? type;
}
