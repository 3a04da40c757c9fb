import { FrameworkError } from '../errors/framework-error';
import type { ModuleClass } from '../modules/module-class';
import { type AlpakaBackendRuntime, alpakaBackendRuntime } from './alpaka-backend-runtime';
import { boundRuntimeKey } from './bound-runtime';

const namespacePrefix = 'alpaka_';
const bindings = new WeakMap<ModuleClass, Map<AlpakaBackendRuntime, ModuleClass>>();

/** Whether a class is an alpaka module (extends one of the alpaka bases). */
export function isAlpakaModuleClass(value: unknown): boolean {
  return typeof value === 'function' && (value as { alpakaModule?: unknown }).alpakaModule === true;
}

/**
 * The class of an alpaka module for one backend, what CMSSW builds as `alpaka_<backend>::Name` from the one
 * source: a subclass that carries the backend, so the module's constructor knows where it runs. One class per
 * module and backend (the same object every time).
 */
export function bindAlpakaModule<C extends ModuleClass>(moduleClass: C, runtime: AlpakaBackendRuntime): C {
  if (!isAlpakaModuleClass(moduleClass)) {
    throw new FrameworkError(
      'LogicError',
      `bindAlpakaModule: ${String((moduleClass as { name?: unknown })?.name)} is not an alpaka module (extend a base of @alpaka-ts/core/alpaka).`,
    );
  }
  let byRuntime = bindings.get(moduleClass);
  if (byRuntime === undefined) {
    byRuntime = new Map();
    bindings.set(moduleClass, byRuntime);
  }
  let bound = byRuntime.get(runtime);
  if (bound === undefined) {
    const base = moduleClass as ModuleClass;
    bound = class extends base {
      static readonly [boundRuntimeKey] = runtime;
    };
    Object.defineProperty(bound, 'name', { value: moduleClass.name });
    byRuntime.set(runtime, bound);
  }
  return bound as C;
}

/** The backend name a namespace names (`alpaka_serial_sync` → `serial_sync`), or undefined. */
export function backendOfNamespace(namespace: string): string | undefined {
  return namespace.startsWith(namespacePrefix) && namespace.length > namespacePrefix.length
    ? namespace.slice(namespacePrefix.length)
    : undefined;
}

/** The registry's resolution of `alpaka_<backend>::Name` for an alpaka module class. */
export async function bindAlpakaModuleToNamespace(
  moduleClass: ModuleClass,
  namespace: string,
): Promise<ModuleClass | undefined> {
  const backendName = backendOfNamespace(namespace);
  if (backendName === undefined) return undefined;
  return bindAlpakaModule(moduleClass, await alpakaBackendRuntime(backendName));
}
