import type { ModuleRegistry } from '../modules/module-registry';
import { EmptyESSource } from './empty-es-source';

/** Registers the framework's own ES modules (EmptyESSource) under their CMSSW type names. */
export function registerBuiltInEventSetupModules(registry: ModuleRegistry): ModuleRegistry {
  return registry.register(EmptyESSource, 'EmptyESSource');
}
