import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import type { BackendV1 } from './backend';
import {
  BackendContractError,
  BackendNotInstalledError,
  BackendUnavailableError,
  InvalidArgumentError,
} from './errors';
import { assertBackend, knownBackendPackages, registerBackend, registeredBackend } from './registry';

export interface LoadBackendOptions {
  /**
   * Where to resolve the package from (a file URL or path of the application, e.g. import.meta.url).
   * Defaults to the current working directory; @alpaka-ts/interface's own location is tried second.
   */
  readonly from?: string | URL;
}

export interface BackendStatus {
  readonly packageName: string;
  /** Set when the package breaks the backend contract (loadBackend throws it): what is wrong, with the cause. */
  readonly contractError?: BackendContractError;
  readonly installed: boolean;
  readonly available: boolean;
  readonly reason: string;
  readonly backend: BackendV1 | undefined;
}

/** The package that provides a backend: a known backend name maps to its package, anything else is a package name. */
export const packageNameOf = (nameOrPackage: string): string => knownBackendPackages[nameOrPackage] ?? nameOrPackage;

/**
 * Resolution treats a URL as a file: the package is looked up from the folder holding it. A folder given
 * without a trailing slash would then be looked up from its parent, so a folder gets its slash here and
 * `{ from: '/app' }` means the same as `{ from: '/app/' }`.
 */
function asParentUrl(from: string | URL): string {
  if (typeof from !== 'string' && !(from instanceof URL))
    throw new InvalidArgumentError(`loadBackend: 'from' must be a file URL or a path, not ${typeof from}.`);
  const url = from instanceof URL ? from.href : from.startsWith('file:') ? from : pathToFileURL(from).href;
  if (url.endsWith('/')) return url;
  try {
    return statSync(fileURLToPath(url)).isDirectory() ? `${url}/` : url;
  } catch {
    return url;
  }
}

function parentUrls(from: string | URL | undefined): string[] {
  const first = from === undefined ? pathToFileURL(`${process.cwd()}/`).href : asParentUrl(from);
  return [first, import.meta.url];
}

function resolvePackage(packageName: string, from: string | URL | undefined): string {
  const attempts: string[] = [];
  for (const parent of parentUrls(from)) {
    try {
      return resolveModule(packageName, parent);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ERR_MODULE_NOT_FOUND') {
        throw new BackendUnavailableError(
          packageName,
          `backend package ${packageName} is installed but cannot be resolved: ${(error as Error).message}`,
          { cause: error },
        );
      }
      attempts.push(parent);
    }
  }
  throw new BackendNotInstalledError(
    packageName,
    `backend package ${packageName} is not installed (looked from ${attempts.join(' and ')}); install it, e.g. pnpm add ${packageName}.`,
  );
}

/**
 * Finds, imports and checks a backend package without requiring it to be usable here. Never throws for
 * a missing package or device: the status says which of the two it is.
 */
export async function probeBackend(nameOrPackage: string, options: LoadBackendOptions = {}): Promise<BackendStatus> {
  const packageName = packageNameOf(nameOrPackage);
  const already = registeredBackend(nameOrPackage);
  if (already) return probed(packageName, already);
  let url: string;
  try {
    url = resolvePackage(packageName, options.from);
  } catch (error) {
    const installed = !(error instanceof BackendNotInstalledError);
    return { packageName, installed, available: false, reason: (error as Error).message, backend: undefined };
  }
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    return {
      packageName,
      installed: true,
      available: false,
      reason: `backend package ${packageName} is installed but failed to load: ${(error as Error).message}`,
      backend: undefined,
    };
  }
  let backend: BackendV1;
  try {
    backend = registerBackend(assertBackend(module.default, `package ${packageName}`));
  } catch (error) {
    if (!(error instanceof BackendContractError)) throw error;
    return {
      packageName,
      installed: true,
      available: false,
      reason: error.message,
      backend: undefined,
      contractError: error,
    };
  }
  return probed(packageName, backend);
}

/** The status of a backend from its probe(), which the contract says never throws and returns { available, reason }. */
function probed(packageName: string, backend: BackendV1): BackendStatus {
  let result: unknown;
  try {
    result = backend.probe();
  } catch (error) {
    return broken(packageName, backend, `threw from probe(), which it must not: ${(error as Error).message}`, error);
  }
  const { available, reason } = (result ?? {}) as { available?: unknown; reason?: unknown };
  if (typeof result !== 'object' || typeof available !== 'boolean' || typeof reason !== 'string') {
    return broken(
      packageName,
      backend,
      `returned ${JSON.stringify(result) ?? String(result)} from probe(), which must return { available: boolean, reason: string }`,
    );
  }
  return { packageName, installed: true, available, reason, backend };
}

function broken(packageName: string, backend: BackendV1, what: string, cause?: unknown): BackendStatus {
  const contractError = new BackendContractError(
    `backend '${backend.name}' (package ${packageName}) ${what}; the backend breaks the contract: report it to its authors.`,
    cause === undefined ? undefined : { cause },
  );
  return { packageName, installed: true, available: false, reason: contractError.message, backend, contractError };
}

/**
 * Loads a backend by alpaka name (serial_sync, cuda_async, rocm_async) or by package name (a third-party
 * backend) with dynamic import(), registers it, and returns it. Throws BackendNotInstalledError when no
 * package is found and BackendUnavailableError when it is installed but cannot run here.
 */
export async function loadBackend(nameOrPackage: string, options: LoadBackendOptions = {}): Promise<BackendV1> {
  const status = await probeBackend(nameOrPackage, options);
  if (status.contractError) throw status.contractError;
  if (!status.installed) throw new BackendNotInstalledError(status.packageName, status.reason);
  if (!status.backend || !status.available) {
    const name = status.backend?.name ?? nameOrPackage;
    throw new BackendUnavailableError(
      name,
      status.backend
        ? `backend '${name}' (package ${status.packageName}) is installed but unavailable: ${status.reason}`
        : status.reason,
    );
  }
  return status.backend;
}
