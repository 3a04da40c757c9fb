import type { Device, Event, Queue } from '@alpaka-ts/interface';
import type { CUDAService } from './cuda-service';

/** One device's copy: its data, the event recorded after its transfer, the stream that did it, whether done. */
interface PerDevice<T> {
  readonly data: T;
  readonly event: Event;
  fillingStream: Queue | undefined;
  filled: boolean;
}

/**
 * CMSSW's cms::cuda::ESProduct<T> (CUDACore/ESProduct.h): EventSetup data with a copy on each device, transferred
 * once per device, asynchronously. The first caller on a device runs `transferAsync` on its stream and records
 * an event; a caller on another stream while that transfer runs waits on the event (no blocking); once the event
 * has occurred the copy is marked filled and handed out as it is.
 */
export class ESProduct<T> {
  readonly #service: CUDAService;
  readonly #make: (device: Device) => T;
  readonly #perDevice = new Map<Device, PerDevice<T>>();

  /** `make` creates a device's (empty) data the first time that device asks, as CMSSW default-constructs T. */
  constructor(service: CUDAService, make: (device: Device) => T) {
    this.#service = service;
    this.#make = make;
  }

  /** The data on the stream's device, its transfer enqueued on that stream (or waited for) if not yet done. */
  dataForCurrentDeviceAsync(stream: Queue, transferAsync: (data: T, stream: Queue) => void): T {
    const device = stream.device;
    let entry = this.#perDevice.get(device);
    if (entry === undefined) {
      entry = {
        data: this.#make(device),
        event: this.#service.takeEvent(device),
        fillingStream: undefined,
        filled: false,
      };
      this.#perDevice.set(device, entry);
    }
    if (entry.filled) return entry.data;
    if (entry.fillingStream === undefined) {
      transferAsync(entry.data, stream);
      stream.record(entry.event);
      entry.fillingStream = stream;
    } else if (entry.event.isComplete()) {
      entry.fillingStream = undefined;
      entry.filled = true;
    } else if (entry.fillingStream !== stream) {
      stream.waitFor(entry.event);
    }
    return entry.data;
  }
}
