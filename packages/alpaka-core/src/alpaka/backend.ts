import { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's `cms::alpakatools::Backend` (HeterogeneousCore/AlpakaInterface/interface/Backend.h): the value every
 * alpaka producer puts under instance "backend" as an `unsigned short`, and what AlpakaBackendFilter selects on.
 */
export const Backend = Object.freeze({ SerialSync: 0, CudaAsync: 1, ROCmAsync: 2, TbbAsync: 3 } as const);

export type BackendTypeName = keyof typeof Backend;

/** A backend's CMSSW names: the enum value and the type suffix (`AlpakaServiceSerialSync`). */
export interface BackendIdentity {
  readonly value: number;
  readonly typeSuffix: string;
}

const identities = new Map<string, BackendIdentity>([
  ['serial_sync', { value: Backend.SerialSync, typeSuffix: 'SerialSync' }],
  ['cuda_async', { value: Backend.CudaAsync, typeSuffix: 'CudaAsync' }],
  ['rocm_async', { value: Backend.ROCmAsync, typeSuffix: 'ROCmAsync' }],
  ['tbb_async', { value: Backend.TbbAsync, typeSuffix: 'TbbAsync' }],
  // alpaka-ts's worker-pool CPU backend plays tbb_async's part (DESIGN.md, "Parallel CPU").
  ['threads_async', { value: Backend.TbbAsync, typeSuffix: 'TbbAsync' }],
]);
const names = new Map<number, string>([
  [Backend.SerialSync, 'SerialSync'],
  [Backend.CudaAsync, 'CudaAsync'],
  [Backend.ROCmAsync, 'ROCmAsync'],
  [Backend.TbbAsync, 'TbbAsync'],
]);

/**
 * Gives a third-party backend (one CMSSW's enum does not list) its enum value and type suffix, so its producers
 * can put a backend product and AlpakaBackendFilter can name it. Values 0–3 are CMSSW's.
 */
export function registerBackendIdentity(backendName: string, identity: BackendIdentity): void {
  const { value, typeSuffix } = identity;
  if (!Number.isInteger(value) || value < 4 || value > 0xffff || !/^[A-Za-z0-9]+$/.test(typeSuffix)) {
    throw new FrameworkError(
      'LogicError',
      `registerBackendIdentity('${backendName}'): the value must be an unsigned short above 3 (0–3 are CMSSW's) and the type suffix alphanumeric; got ${value} and '${typeSuffix}'.`,
    );
  }
  const existing = identities.get(backendName);
  const taken = names.get(value);
  if ((existing !== undefined && existing.value !== value) || (taken !== undefined && taken !== typeSuffix)) {
    throw new FrameworkError(
      'LogicError',
      `registerBackendIdentity('${backendName}'): the backend or the value ${value} already has another identity.`,
    );
  }
  identities.set(backendName, Object.freeze({ value, typeSuffix }));
  names.set(value, typeSuffix);
}

/** The identity of an alpaka backend name (`serial_sync` …); undefined for a backend nobody registered. */
export const backendIdentityOf = (backendName: string): BackendIdentity | undefined => identities.get(backendName);

/** CMSSW's `toBackend(name)`: 'SerialSync' → 0 …; an unknown name is refused. */
export function toBackend(name: string): number {
  for (const [value, typeSuffix] of names) if (typeSuffix === name) return value;
  throw new FrameworkError(
    'EnumNotFound',
    `Invalid backend name '${name}'; the backends are ${[...names.values()].map((known) => `'${known}'`).join(', ')}.`,
  );
}

/** CMSSW's `toString(Backend)`: 0 → 'SerialSync' …; a value no backend has is refused. */
export function backendToString(value: number): string {
  const name = names.get(value);
  if (name === undefined) {
    throw new FrameworkError('EnumNotFound', `Invalid backend value ${value}; no backend has this value.`);
  }
  return name;
}
