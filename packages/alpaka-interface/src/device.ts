import type { AcceleratorLimits, DeviceV1, PlatformV1 } from './backend';
import { boundsChecksDefault } from './bounds-checks';
import { InvalidArgumentError } from './errors';
import { Event } from './event';
import { hostPlatformV1 } from './host/host-device';
import { Queue } from './queue';
import { describeValue } from './scalar-value';
import { type Accelerator, expectAccelerator } from './work-division';

const platforms = new WeakMap<PlatformV1, Platform>();
const devices = new WeakMap<DeviceV1, Device>();

/** A set of devices of one kind (alpaka's Platform). One Platform object exists per backend platform. */
export class Platform {
  private constructor(readonly implementation: PlatformV1) {}

  static of(implementation: PlatformV1): Platform {
    let platform = platforms.get(implementation);
    if (!platform) {
      platform = new Platform(implementation);
      platforms.set(implementation, platform);
    }
    return platform;
  }

  get name(): string {
    return this.implementation.name;
  }

  devices(): Device[] {
    return this.implementation.devices().map((device) => Device.of(device));
  }

  get deviceCount(): number {
    return this.implementation.devices().length;
  }

  device(index: number): Device {
    if (!Number.isInteger(index) || index < 0)
      throw new InvalidArgumentError(
        `platform ${this.name}: a device index is a non-negative integer, not ${describeValue(index)}.`,
      );
    const found = this.implementation.devices()[index];
    if (!found) {
      throw new InvalidArgumentError(
        `platform ${this.name} has ${this.deviceCount} device(s); there is no device ${index}.`,
      );
    }
    return Device.of(found);
  }
}

export interface QueueOptions {
  /** Blocking queues finish each operation before it returns (default for host devices); GPU queues are non-blocking. */
  readonly blocking?: boolean;
  /** Launches into the queue run bounds-checked (ExecOptions.boundsChecks); default ALPAKA_TS_BOUNDS_CHECKS. */
  readonly boundsChecks?: boolean;
}

/** One device: the host CPU or an accelerator. Equal devices are the same object. */
export class Device {
  private constructor(readonly implementation: DeviceV1) {}

  static of(implementation: DeviceV1): Device {
    let device = devices.get(implementation);
    if (!device) {
      device = new Device(implementation);
      devices.set(implementation, device);
    }
    return device;
  }

  get platform(): Platform {
    return Platform.of(this.implementation.platform);
  }
  get name(): string {
    return this.implementation.name;
  }
  get index(): number {
    return this.implementation.index;
  }
  get isHost(): boolean {
    return this.implementation.isHost;
  }
  get totalMemoryBytes(): number {
    return this.implementation.totalMemoryBytes;
  }
  freeMemoryBytes(): number {
    return this.implementation.freeMemoryBytes();
  }
  get warpSizes(): readonly number[] {
    return this.implementation.warpSizes;
  }

  /**
   * What a work division may ask of this device under an accelerator (blocks, threads, elements, dynamic
   * shared memory): limits depend on both, as alpaka's getAccDevProps does.
   */
  limits(accelerator: Accelerator): AcceleratorLimits {
    expectAccelerator(accelerator, `${this}.limits`);
    if (!accelerator.backend.platform().devices().includes(this.implementation)) {
      throw new InvalidArgumentError(
        `${accelerator.backend.name} does not run on ${this}; its devices are ${accelerator.backend.platform().name}'s.`,
      );
    }
    return accelerator.backend.limits(this.implementation);
  }

  createQueue(options: QueueOptions = {}): Queue {
    if (typeof options !== 'object' || options === null)
      throw new InvalidArgumentError(`createQueue takes options ({ blocking }), not ${describeValue(options)}.`);
    if (options.blocking !== undefined && typeof options.blocking !== 'boolean')
      throw new InvalidArgumentError(
        `createQueue: blocking must be true or false (or left out for the device's default), not ${describeValue(options.blocking)}.`,
      );
    const blocking = options.blocking ?? this.isHost;
    if (options.boundsChecks !== undefined && typeof options.boundsChecks !== 'boolean')
      throw new InvalidArgumentError(
        `createQueue: boundsChecks must be true or false (or left out for ALPAKA_TS_BOUNDS_CHECKS), not ${describeValue(options.boundsChecks)}.`,
      );
    return new Queue(this, this.implementation.createQueue(blocking), options.boundsChecks ?? boundsChecksDefault());
  }

  createEvent(): Event {
    return new Event(this, this.implementation.createEvent());
  }

  toString(): string {
    return `${this.platform.name}:${this.index} (${this.name})`;
  }
}

/** The host platform: the CPU, whose buffers JavaScript reads directly. */
export const hostPlatform = (): Platform => Platform.of(hostPlatformV1);
/** The host device (CMSSW's cms::alpakatools::host()). */
export const host = (): Device => hostPlatform().device(0);
