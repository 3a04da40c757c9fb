import { type AcceleratorLimits, type BackendV1, type MemoryV1, specificationVersion } from '../../backend';
import { type MockAcceleratorOptions, type MockStepping, resolveMockOptions } from './mock-accelerator-options';
import { MockCopier } from './mock-copies';
import { MockPlatform } from './mock-device';
import { launchOnMock } from './mock-kernel-launch';
import { MockScheduler } from './mock-scheduler';
import { type MockAcceleratorStatistics, MockStatisticsCounters } from './mock-statistics';

/** A mock accelerator: a BackendV1 plus what a test uses to watch and drive it. */
export interface MockAcceleratorBackend extends BackendV1 {
  readonly stepping: MockStepping;
  /** What was enqueued since creation or the last reset: on one device, or on all of them. */
  statistics(deviceIndex?: number): MockAcceleratorStatistics;
  resetStatistics(): void;
  /** Starts the next operation of every queue that can go on (any stepping); returns how many started. */
  step(): number;
  /** Resolves once every queue of the mock is empty; with manual stepping, it steps them until then. */
  drain(): Promise<void>;
}

// Without a runner, limits like a current NVIDIA GPU's, so work divisions are validated as on one.
const gpuLikeLimits: AcceleratorLimits = Object.freeze({
  maxBlocksPerGrid: Object.freeze([65535, 65535, 2147483647]),
  maxThreadsPerBlock: Object.freeze([64, 1024, 1024]),
  maxThreadsPerBlockTotal: 1024,
  maxElementsPerThread: 0xffffffff,
  maxDynamicSharedMemoryBytes: 48 * 1024,
});

/**
 * A fresh mock accelerator backend: devices whose memory JavaScript cannot read, non-blocking queues with
 * events, copies in every direction, and kernels run by the kernel runner given in the options. Each call makes
 * its own platform, so tests do not share devices, queues or counters.
 */
export function createMockAcceleratorBackend(options: MockAcceleratorOptions = {}): MockAcceleratorBackend {
  const resolved = resolveMockOptions(options);
  const runner = resolved.kernelRunner;
  const scheduler = new MockScheduler(resolved.stepping);
  const statistics = new MockStatisticsCounters(resolved.deviceCount);
  const mapped = new WeakSet<MemoryV1>();
  const platform = new MockPlatform(resolved.name, resolved.deviceCount, (self) => ({
    scheduler,
    statistics,
    copier: new MockCopier(self, statistics, (memory) => mapped.has(memory)),
    platformName: resolved.name,
    memoryBytesPerDevice: resolved.memoryBytesPerDevice,
    initialByte: resolved.initialByte,
    warpSizes: runner?.warpSizes ?? [32],
    markMapped: (memory) => mapped.add(memory),
  }));
  const deviceCount = resolved.deviceCount;
  return Object.freeze<MockAcceleratorBackend>({
    specificationVersion,
    name: resolved.name,
    accelerator: resolved.accelerator,
    acceleratorTypeName: 'AccGpuMock',
    runsOnHost: runner?.runsOnHost ?? false,
    probe: () => ({
      available: true,
      reason: `a mock accelerator with ${deviceCount} device(s), ${runner ? 'running kernels through its kernel runner' : 'without a kernel runner'}`,
    }),
    platform: () => platform,
    limits: () => runner?.limits ?? gpuLikeLimits,
    launch: (queue, launch) => launchOnMock(runner, platform, resolved.name, queue, launch),
    stepping: resolved.stepping,
    statistics: (deviceIndex) => statistics.snapshot(deviceIndex),
    resetStatistics: () => statistics.reset(),
    step: () => scheduler.step(),
    drain: () => scheduler.drain(),
  });
}
