import {
  type Accelerator,
  acceleratorOf,
  type BackendV1,
  type Device,
  type Dimension,
  loadBackend,
  Platform,
  registeredBackend,
} from '@alpaka-ts/interface';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import { type BackendIdentity, backendIdentityOf } from './backend';
import { EventCache } from './event-cache';
import { QueueCache } from './queue-cache';

/**
 * One alpaka backend as the framework uses it (what CMSSW compiles into each `alpaka_<backend>` namespace and its
 * AlpakaService holds): the backend, its devices, the queue and event caches, and how an EDM stream picks its
 * device. One per backend per process, as CMSSW's caches are function statics.
 */
export class AlpakaBackendRuntime {
  readonly name: string;
  readonly backend: BackendV1;
  readonly platform: Platform;
  readonly devices: readonly Device[];
  readonly identity: BackendIdentity | undefined;
  /**
   * CMSSW's `useProductDirectly` (a CPU device with blocking queues, i.e. serial_sync): device products are the
   * host products themselves, nothing is wrapped or copied, and no queue work is ever outstanding.
   */
  readonly productsAreHostProducts: boolean;
  readonly queueCache = new QueueCache();
  readonly eventCache = new EventCache();

  constructor(backend: BackendV1) {
    this.name = backend.name;
    this.backend = backend;
    this.platform = Platform.of(backend.platform());
    this.devices = this.platform.devices();
    if (this.devices.length === 0) {
      throw new FrameworkError('AlpakaError', `The alpaka backend ${backend.name} has no devices.`);
    }
    this.identity = backendIdentityOf(backend.name);
    this.productsAreHostProducts = this.devices.every((device) => device.isHost);
  }

  /** CMSSW's `chooseDevice(streamID)`: the EDM stream's device, stream index modulo the number of devices. */
  chooseDevice(streamID: number): Device {
    return this.devices[streamID % this.devices.length] as Device;
  }

  /** The backend's accelerator of a dimension (CMSSW's Acc1D, Acc2D, Acc3D), for work divisions. */
  accelerator(dimension: Dimension = 1): Accelerator {
    return acceleratorOf(this.backend, dimension);
  }

  /** The backend's enum value (what the "backend" product holds); a backend without one is refused here. */
  get backendValue(): number {
    const identity = this.identity;
    if (identity === undefined) {
      throw new FrameworkError(
        'LogicError',
        `The alpaka backend ${this.name} has no Backend value: register one with registerBackendIdentity('${this.name}', { value, typeSuffix }) before the job starts.`,
      );
    }
    return identity.value;
  }
}

const runtimes = new WeakMap<BackendV1, AlpakaBackendRuntime>();

/** The runtime of a loaded backend (one per backend object). */
export function runtimeOfBackend(backend: BackendV1): AlpakaBackendRuntime {
  let runtime = runtimes.get(backend);
  if (runtime === undefined) {
    runtime = new AlpakaBackendRuntime(backend);
    runtimes.set(backend, runtime);
  }
  return runtime;
}

/**
 * The runtime of a backend by alpaka name: a registered backend (a test's mock, a loaded package), else its
 * package loaded by name. A backend that is not installed or cannot run here is UnavailableAccelerator (8035).
 */
export async function alpakaBackendRuntime(backendName: string): Promise<AlpakaBackendRuntime> {
  let backend = registeredBackend(backendName);
  if (backend === undefined) {
    try {
      backend = await loadBackend(backendName);
    } catch (cause) {
      throw new FrameworkError(
        'UnavailableAccelerator',
        `The alpaka backend ${backendName} cannot be used: ${convertException(cause).message}`,
        { cause },
      );
    }
  }
  return runtimeOfBackend(backend);
}
