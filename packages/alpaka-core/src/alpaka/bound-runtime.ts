import { FrameworkError } from '../errors/framework-error';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';

/** Where a class bound to a backend (bindAlpakaModule) keeps its backend: a static under this symbol. */
export const boundRuntimeKey: unique symbol = Symbol('alpaka-core.boundRuntime') as never;

/** The backend an alpaka module's class was bound to; a module constructed unbound is refused with what to do. */
export function boundRuntimeOf(moduleClass: abstract new (...args: never[]) => unknown): AlpakaBackendRuntime {
  const runtime = (moduleClass as { [boundRuntimeKey]?: AlpakaBackendRuntime })[boundRuntimeKey];
  if (runtime === undefined) {
    throw new FrameworkError(
      'LogicError',
      `${moduleClass.name} is an alpaka module: it runs on the backend the job chooses, so it is constructed by the framework from the type '${moduleClass.name}@alpaka' or 'alpaka_<backend>::${moduleClass.name}' (e.g. alpaka_serial_sync::${moduleClass.name}), or in a test from bindAlpakaModule(${moduleClass.name}, backend).`,
    );
  }
  return runtime;
}
