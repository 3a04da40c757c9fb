import { pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import type { BackendV1 } from './backend';
import { BackendNotInstalledError, BackendUnavailableError } from './errors';
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
  readonly installed: boolean;
  readonly available: boolean;
  readonly reason: string;
  readonly backend: BackendV1 | undefined;
}

/** The package that provides a backend: a known backend name maps to its package, anything else is a package name. */
export const packageNameOf = (nameOrPackage: string): string => knownBackendPackages[nameOrPackage] ?? nameOrPackage;

function parentUrls(from: string | URL | undefined): string[] {
  const first =
    from === undefined
      ? pathToFileURL(`${process.cwd()}/`).href
      : from instanceof URL
        ? from.href
        : from.startsWith('file:')
          ? from
          : pathToFileURL(from).href;
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
  if (already) {
    const probe = safeProbe(already);
    return { packageName, installed: true, available: probe.available, reason: probe.reason, backend: already };
  }
  let url: string;
  try {
    url = resolvePackage(packageName, options.from);
  } catch (error) {
    const installed = !(error instanceof BackendNotInstalledError);
    return { packageName, installed, available: false, reason: (error as Error).message, backend: undefined };
  }
  let backend: BackendV1;
  try {
    const module = (await import(url)) as { default?: unknown };
    backend = registerBackend(assertBackend(module.default, `package ${packageName}`));
  } catch (error) {
    return {
      packageName,
      installed: true,
      available: false,
      reason: `backend package ${packageName} is installed but failed to load: ${(error as Error).message}`,
      backend: undefined,
    };
  }
  const probe = safeProbe(backend);
  return { packageName, installed: true, available: probe.available, reason: probe.reason, backend };
}

function safeProbe(backend: BackendV1): { available: boolean; reason: string } {
  try {
    const { available, reason } = backend.probe();
    return { available: available === true, reason: String(reason) };
  } catch (error) {
    // The contract says probe() never throws; a backend that does is reported, not propagated.
    return {
      available: false,
      reason: `backend '${backend.name}' threw from probe(), which it must not: ${(error as Error).message}`,
    };
  }
}

/**
 * Loads a backend by alpaka name (serial_sync, cuda_async, rocm_async) or by package name (a third-party
 * backend) with dynamic import(), registers it, and returns it. Throws BackendNotInstalledError when no
 * package is found and BackendUnavailableError when it is installed but cannot run here.
 */
export async function loadBackend(nameOrPackage: string, options: LoadBackendOptions = {}): Promise<BackendV1> {
  const status = await probeBackend(nameOrPackage, options);
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
