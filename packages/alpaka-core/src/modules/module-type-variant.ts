import type { ModuleClass } from './module-class';

/**
 * A module type that exists in several variants, named `namespace::Name` as CMSSW names the per-backend builds
 * of an alpaka module (`alpaka_serial_sync::TestAlpakaProducer`). The class registered under `Name` gives the
 * variant for a namespace through this static method; the alpaka bases implement it by binding the class to
 * the backend the namespace names. Returns undefined for a namespace it does not know.
 */
export const moduleTypeVariant: unique symbol = Symbol('alpaka-core.moduleTypeVariant') as never;

export interface ModuleClassWithVariants {
  [moduleTypeVariant](namespace: string): Promise<ModuleClass | undefined>;
}

export function hasModuleTypeVariants(moduleClass: ModuleClass): moduleClass is ModuleClass & ModuleClassWithVariants {
  return typeof (moduleClass as Partial<ModuleClassWithVariants>)[moduleTypeVariant] === 'function';
}

/** `namespace::Name` split at its last `::`, or undefined for a plain name. */
export function splitNamespacedType(typeName: string): { namespace: string; name: string } | undefined {
  const at = typeName.lastIndexOf('::');
  if (at <= 0 || at + 2 >= typeName.length) return undefined;
  return { namespace: typeName.slice(0, at), name: typeName.slice(at + 2) };
}
