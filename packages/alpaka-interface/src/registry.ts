import { type BackendV1, specificationVersion } from './backend';
import { BackendContractError, InvalidArgumentError } from './errors';
import { assertOnlyInterfaceCopy } from './interface-instance';

/** The packages of the backends alpaka-ts ships, by alpaka backend name. */
export const knownBackendPackages: Readonly<Record<string, string>> = Object.freeze({
  serial_sync: '@alpaka-ts/backend-serial',
  cuda_async: '@alpaka-ts/backend-cuda',
  rocm_async: '@alpaka-ts/backend-rocm',
});

const requiredMethods = ['probe', 'platform', 'limits', 'launch'] as const;

/** Checks that a value implements this version of the backend contract; `source` names where it came from. */
export function assertBackend(candidate: unknown, source: string): BackendV1 {
  if (typeof candidate !== 'object' || candidate === null) {
    throw new BackendContractError(`${source} does not export a backend object as its default export.`);
  }
  const backend = candidate as Partial<BackendV1>;
  if (backend.specificationVersion !== specificationVersion) {
    throw new BackendContractError(
      `${source} implements backend specification ${String(backend.specificationVersion)}; this @alpaka-ts/interface needs ${specificationVersion}. Update one of the two packages.`,
    );
  }
  for (const field of ['name', 'accelerator', 'acceleratorTypeName'] as const) {
    if (typeof backend[field] !== 'string' || backend[field] === '')
      throw new BackendContractError(`${source}: the backend has no '${field}' string.`);
  }
  if (typeof backend.runsOnHost !== 'boolean')
    throw new BackendContractError(`${source}: the backend has no 'runsOnHost' boolean.`);
  for (const method of requiredMethods) {
    if (typeof backend[method] !== 'function')
      throw new BackendContractError(`${source}: backend '${backend.name}' has no ${method}() method.`);
  }
  return backend as BackendV1;
}

const registered = new Map<string, BackendV1>();

/** Adds a backend to the process registry; registering the same object twice is harmless. */
export function registerBackend(candidate: BackendV1): BackendV1 {
  assertOnlyInterfaceCopy();
  const backend = assertBackend(candidate, 'registerBackend');
  const existing = registered.get(backend.name);
  if (existing && existing !== backend) {
    throw new InvalidArgumentError(
      `a different backend named '${backend.name}' is already registered; two copies of its package may be installed.`,
    );
  }
  registered.set(backend.name, backend);
  return backend;
}

export const registeredBackend = (name: string): BackendV1 | undefined => registered.get(name);
export const registeredBackends = (): BackendV1[] => [...registered.values()];
