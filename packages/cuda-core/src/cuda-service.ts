import { type AlpakaBackendRuntime, runtimeOfBackend } from '@alpaka-ts/core/alpaka';
import type { Accelerator, BackendV1, Device, Dimension, Event, Queue } from '@alpaka-ts/interface';

/**
 * CMSSW's CUDAService with the stream and event caches it backs (HeterogeneousCore/CUDAServices,
 * CUDACore/StreamCache, EventCache): whether CUDA is enabled, its devices, the device of each EDM stream (stream
 * index modulo the device count) and the queues and events the contexts take and give back. Over a CUDA
 * backend, `@alpaka-ts/backend-cuda`'s on a machine with a GPU or the GPU kit's stand-in in tests; the caches are
 * the backend's own (the same ones its alpaka modules use), so a job never makes a stream per event.
 */
export class CUDAService {
  readonly enabled: boolean;
  readonly #runtime: AlpakaBackendRuntime;

  constructor(backend: BackendV1, options: { readonly enabled?: boolean } = {}) {
    this.#runtime = runtimeOfBackend(backend);
    this.enabled = options.enabled ?? true;
  }

  /** CMSSW's numberOfDevices(). */
  get numberOfDevices(): number {
    return this.enabled ? this.#runtime.devices.length : 0;
  }

  get devices(): readonly Device[] {
    return this.#runtime.devices;
  }

  /** The backend's accelerator of a dimension, for the work divisions of kernels launched on the service's streams. */
  accelerator(dimension: Dimension = 1): Accelerator {
    return this.#runtime.accelerator(dimension);
  }

  /** CMSSW's cms::cuda::chooseDevice(streamID). */
  chooseDevice(streamID: number): Device {
    return this.#runtime.chooseDevice(streamID);
  }

  /** A stream (queue) of the device from the StreamCache: a free one, or a new one. */
  takeStream(device: Device): Queue {
    return this.#runtime.queueCache.get(device);
  }

  returnStream(device: Device, queue: Queue): void {
    this.#runtime.queueCache.release(device, queue);
  }

  /** An event of the device from the EventCache (only events whose work has completed are handed out again). */
  takeEvent(device: Device): Event {
    return this.#runtime.eventCache.get(device);
  }

  returnEvent(device: Device, event: Event): void {
    this.#runtime.eventCache.release(device, event);
  }

  /** How many streams the cache has made (tests check reuse with it). */
  get streamsCreated(): number {
    return this.#runtime.queueCache.createdCount;
  }
}
