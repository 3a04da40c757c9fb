import { AlpakaBackendFilter } from '../alpaka/alpaka-backend-filter';
import { AlpakaBackendProducer } from '../alpaka/alpaka-backend-producer';
import type { ModuleClass } from '../modules/module-class';
import type { ModuleRegistry } from '../modules/module-registry';
import { EmptySource } from './empty-source';

/**
 * The module types the framework itself provides (CMSSW's FWCore/Framework and FWCore/Sources plugins, and
 * HeterogeneousCore/AlpakaCore's AlpakaBackendProducer, reached as `AlpakaBackendProducer@alpaka`, and
 * AlpakaBackendFilter).
 */
export const builtInModules: readonly ModuleClass[] = [EmptySource, AlpakaBackendProducer, AlpakaBackendFilter];

/** Registers every built-in module type under its class name. */
export function registerBuiltInModules(registry: ModuleRegistry): ModuleRegistry {
  for (const moduleClass of builtInModules) if (!registry.has(moduleClass.name)) registry.register(moduleClass);
  return registry;
}
