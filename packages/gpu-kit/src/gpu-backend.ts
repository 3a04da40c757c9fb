import { totalmem } from 'node:os';
import {
  type Accelerator,
  type AcceleratorLimits,
  acceleratorOf,
  BackendUnavailableError,
  type BackendV1,
  InvalidArgumentError,
} from '@alpaka-ts/interface';
import {
  type DeviceV1,
  type KernelLaunchV1,
  type PlatformV1,
  type QueueV1,
  specificationVersion,
} from '@alpaka-ts/interface/backend';
import { constantsOf } from '@alpaka-ts/kernel-compiler';
import { launchBoundsChecked } from './bounds-record';
import { type AllocatorStatistics, allocatorOptionsOf } from './caching-allocator';
import { GpuDevice, GpuPlatform } from './gpu-device';
import { GpuKernels } from './gpu-kernels';
import { GpuQueue } from './gpu-queue';
import type { GpuRuntime, GpuVendor } from './gpu-vendor';
import { KernelBinaries } from './kernel-binaries';
import { kernelCacheDirectory } from './kernel-cache';
import { geometryOf } from './launch-geometry';
import type { GpuNativeAddon } from './native-binding';
import { pinnedAllocatorOf, pinnedAllocatorStatisticsOf } from './pinned-allocator';

/** A GPU backend built from a vendor description and its runtime loader, with the helpers its package exports. */
export interface GpuBackend {
  readonly backend: BackendV1;
  /** The accelerator in 1, 2 and 3 dimensions (CMSSW's Acc1D, Acc2D, Acc3D). */
  readonly acc1D: Accelerator;
  readonly acc2D: Accelerator;
  readonly acc3D: Accelerator;
  /** The caching allocator's statistics for one GPU (bytes live and cached, requests, cache hits, driver calls). */
  allocatorStatistics(device?: number): AllocatorStatistics;
  /** The caching host allocator's statistics; undefined until pinned memory was first asked for. */
  pinnedAllocatorStatistics(): AllocatorStatistics | undefined;
  /** Kernel compilation statistics of this process (compiled, or loaded from the disk cache). */
  kernelStatistics(): { compiled: number; loadedFromDisk: number };
}

/**
 * Builds a GPU backend (cuda_async, rocm_async) on the shared layer: the runtime is loaded on first use, once;
 * probe() reports it without throwing, and everything else throws BackendUnavailableError with its reason.
 */
export function createGpuBackend(vendor: GpuVendor, loadRuntime: () => GpuRuntime): GpuBackend {
  let runtime: GpuRuntime | undefined;
  const runtimeOnce = (): GpuRuntime => {
    runtime ??= loadRuntime();
    return runtime;
  };
  let loaded: { platform: GpuPlatform; kernels: GpuKernels; addon: GpuNativeAddon } | undefined;

  const ready = (): { platform: GpuPlatform; kernels: GpuKernels; addon: GpuNativeAddon } => {
    if (loaded) return loaded;
    const found = runtimeOnce();
    if (!found.available)
      throw new BackendUnavailableError(vendor.backendName, `${vendor.backendName} is unavailable: ${found.reason}`);
    const { addon } = found;
    const binaries = new KernelBinaries(
      vendor,
      {
        compile: (source, name, options) => addon.compile(source, name, options),
        versions: found.versions,
        checkTarget: found.checkTarget,
      },
      kernelCacheDirectory(vendor.cacheFolder),
    );
    loaded = {
      platform: new GpuPlatform(found.devices, addon, found.hostCallbacks, vendor),
      kernels: new GpuKernels(addon, binaries, found.hostCallbacks),
      addon,
    };
    return loaded;
  };

  const limits = (device: DeviceV1): AcceleratorLimits => {
    if (!(device instanceof GpuDevice) || device.vendor !== vendor)
      throw new InvalidArgumentError(
        `${vendor.backendName} has no limits for ${device.name}, which is not one of its devices.`,
      );
    const { maxBlockDimensions: block, maxGridDimensions: grid } = device.properties;
    // alpaka's order is slowest first: [z, y, x].
    return {
      maxBlocksPerGrid: [grid[2], grid[1], grid[0]],
      maxThreadsPerBlock: [block[2], block[1], block[0]],
      maxThreadsPerBlockTotal: device.properties.maxThreadsPerBlock,
      maxElementsPerThread: 0xffffffff,
      // What a block may have with CUDA's opt-in (cuFuncSetAttribute), which launches make when they need it
      // (on AMD, all of it without one); a kernel's own static shared memory counts against it, and the
      // launch says so if it does not fit.
      maxDynamicSharedMemoryBytes: device.properties.sharedMemoryPerBlockOptIn,
    };
  };

  const launch = (queue: QueueV1, request: KernelLaunchV1): void => {
    if (!(queue instanceof GpuQueue) || queue.backendName !== vendor.backendName)
      throw new InvalidArgumentError(`${vendor.backendName} launches kernels into its own queues only.`);
    const { kernels: compiled, addon } = ready();
    const device = queue.device as GpuDevice;
    const geometry = geometryOf(request.workDivision);
    const kernel = compiled.get(
      request.kernel,
      geometry.dimension,
      device,
      geometry.oneElementPerThread,
      constantsOf(request.kernel, request.arguments),
      request.boundsChecks,
    );
    if (kernel.usesChecks && !request.checkBuffer) {
      throw new InvalidArgumentError(
        `kernel '${request.kernel.name}' calls acc.check; pass a check buffer: queue.exec(…, { checkBuffer }).`,
      );
    }
    kernel.plan.write(request, queue.stream);
    if (geometry.empty) return;
    const sharedBytes = request.dynamicSharedMemoryBytes;
    // Above 48 KiB a CUDA kernel must opt in to more dynamic shared memory (cuFuncSetAttribute), once per size.
    if (sharedBytes > kernel.dynamicSharedMemoryLimit) kernel.allowDynamicSharedMemory(sharedBytes);
    const { header } = kernel.plan;
    header[2] = queue.streamAddress;
    header[3] = queue.streamAddress / 4294967296;
    header[5] = geometry.gridX;
    header[6] = geometry.gridY;
    header[7] = geometry.gridZ;
    header[8] = geometry.blockX;
    header[9] = geometry.blockY;
    header[10] = geometry.blockZ;
    header[11] = sharedBytes;
    // A checked launch adds its record around the kernel (bounds-record.ts) and fails the queue on a violation;
    // that check also finishes a blocking queue's launch.
    if (request.boundsChecks) {
      launchBoundsChecked(queue, kernel, request.kernel.name, sharedBytes, addon);
      return;
    }
    addon.launch(kernel.plan.record);
    queue.enqueued();
  };

  const backend: BackendV1 = Object.freeze<BackendV1>({
    specificationVersion,
    name: vendor.backendName,
    accelerator: vendor.accelerator,
    acceleratorTypeName: vendor.acceleratorTypeName,
    runsOnHost: false,
    probe() {
      const found = runtimeOnce();
      if (!found.available) return { available: false, reason: found.reason };
      return { available: true, reason: found.description };
    },
    platform: (): PlatformV1 => ready().platform,
    limits,
    launch,
    configureCachingAllocators(config) {
      const { platform, addon } = ready();
      const deviceConfig = config.device;
      const hostConfig = config.host;
      // Every value is checked before anything changes, so a bad configuration leaves the allocators as they were.
      const perDevice =
        deviceConfig === undefined
          ? []
          : platform.devices().map((device) => ({
              device: device as GpuDevice,
              options: allocatorOptionsOf(deviceConfig, device.totalMemoryBytes),
            }));
      const hostOptions = hostConfig === undefined ? undefined : allocatorOptionsOf(hostConfig, totalmem());
      for (const { device, options } of perDevice) device.allocator.configure(options);
      if (hostOptions !== undefined) pinnedAllocatorOf(addon, vendor.isOutOfMemory).configure(hostOptions);
    },
  });

  return {
    backend,
    acc1D: acceleratorOf(backend, 1),
    acc2D: acceleratorOf(backend, 2),
    acc3D: acceleratorOf(backend, 3),
    allocatorStatistics(device = 0) {
      const found = ready().platform.devices()[device];
      if (!(found instanceof GpuDevice))
        throw new InvalidArgumentError(`there is no ${vendor.backendName} device ${device}.`);
      return found.allocator.stats();
    },
    pinnedAllocatorStatistics: () => (loaded ? pinnedAllocatorStatisticsOf(loaded.addon) : undefined),
    kernelStatistics: () => ({ ...ready().kernels.statistics }),
  };
}
