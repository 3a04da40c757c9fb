import { InvalidArgumentError } from '../../errors';

/**
 * What a mock accelerator has been asked to do, counted when the work is enqueued (so a test can check what
 * the framework asked for without first waiting for it). Copies are classified by where their two sides are:
 * "host" is any host-readable memory (the mock never sees a difference between pageable and pinned memory,
 * except that it counts copies whose host side was not allocated with allocateMapped).
 */
export interface MockAcceleratorStatistics {
  readonly hostToDeviceCopies: number;
  readonly deviceToHostCopies: number;
  readonly deviceToDeviceCopies: number;
  readonly hostToHostCopies: number;
  readonly hostToDeviceBytes: number;
  readonly deviceToHostBytes: number;
  readonly deviceToDeviceBytes: number;
  readonly hostToHostBytes: number;
  /** Copies with a host side that is not mapped (pinned) memory: a real GPU copies those synchronously or staged. */
  readonly pageableHostCopies: number;
  readonly sets: number;
  readonly fills: number;
  readonly launches: number;
  readonly hostTasks: number;
  readonly eventRecords: number;
  readonly eventWaits: number;
  readonly allocations: number;
  readonly streamOrderedAllocations: number;
  readonly allocatedBytes: number;
  readonly mappedAllocations: number;
  /** Pinned host memory allocated outside the cache (allocMappedNoncachedBuf), and of it write-combined. */
  readonly noncachedMappedAllocations: number;
  readonly writeCombinedAllocations: number;
}

export type MockStatisticName = keyof MockAcceleratorStatistics;

const zero = (): Record<MockStatisticName, number> => ({
  hostToDeviceCopies: 0,
  deviceToHostCopies: 0,
  deviceToDeviceCopies: 0,
  hostToHostCopies: 0,
  hostToDeviceBytes: 0,
  deviceToHostBytes: 0,
  deviceToDeviceBytes: 0,
  hostToHostBytes: 0,
  pageableHostCopies: 0,
  sets: 0,
  fills: 0,
  launches: 0,
  hostTasks: 0,
  eventRecords: 0,
  eventWaits: 0,
  allocations: 0,
  streamOrderedAllocations: 0,
  allocatedBytes: 0,
  mappedAllocations: 0,
  noncachedMappedAllocations: 0,
  writeCombinedAllocations: 0,
});

/** Counters per device of one mock platform (the device of the queue that did the work, or that allocated). */
export class MockStatisticsCounters {
  private readonly perDevice: Array<Record<MockStatisticName, number>>;

  constructor(deviceCount: number) {
    this.perDevice = Array.from({ length: deviceCount }, zero);
  }

  add(deviceIndex: number, name: MockStatisticName, amount = 1): void {
    const counters = this.perDevice[deviceIndex];
    if (counters) counters[name] += amount;
  }

  /** A snapshot: of one device, or summed over all of them. */
  snapshot(deviceIndex?: number): MockAcceleratorStatistics {
    if (deviceIndex !== undefined && !(Number.isInteger(deviceIndex) && this.perDevice[deviceIndex]))
      throw new InvalidArgumentError(
        `statistics(${deviceIndex}): the mock has ${this.perDevice.length} device(s), numbered from 0.`,
      );
    const chosen = deviceIndex === undefined ? this.perDevice : this.perDevice.slice(deviceIndex, deviceIndex + 1);
    const total = zero();
    for (const counters of chosen) {
      for (const name of Object.keys(total) as MockStatisticName[]) total[name] += counters[name];
    }
    return Object.freeze(total);
  }

  reset(): void {
    for (const counters of this.perDevice) Object.assign(counters, zero());
  }
}
