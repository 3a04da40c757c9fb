import {
  type AcceleratorLimits,
  acceleratorOf,
  BackendUnavailableError,
  type BackendV1,
  type DeviceV1,
  InvalidArgumentError,
  type KernelLaunchV1,
  type PlatformV1,
  type QueueV1,
  specificationVersion,
  type WorkDivisionV1,
} from '@alpaka-ts/interface';
import { constantsOf } from '@alpaka-ts/kernel-compiler';
import type { AllocatorStatistics } from './caching-allocator';
import { CudaDevice, CudaPlatform } from './cuda-device';
import { CudaKernels } from './cuda-kernels';
import { CudaQueue } from './cuda-queue';
import { cudaRuntime } from './cuda-runtime';
import type { CudaNativeAddon } from './native-addon';

let loaded: { platform: CudaPlatform; kernels: CudaKernels; addon: CudaNativeAddon } | undefined;

function ready(): { platform: CudaPlatform; kernels: CudaKernels; addon: CudaNativeAddon } {
  if (loaded) return loaded;
  const runtime = cudaRuntime();
  if (!runtime.available)
    throw new BackendUnavailableError('cuda_async', `cuda_async is unavailable: ${runtime.reason}`);
  loaded = {
    platform: new CudaPlatform(runtime.devices, runtime.addon, runtime.hostCallbacks),
    kernels: new CudaKernels(runtime.addon, { nvrtc: runtime.nvrtcVersion, driver: runtime.driverVersion }),
    addon: runtime.addon,
  };
  return loaded;
}

function limitsOf(device: DeviceV1): AcceleratorLimits {
  if (!(device instanceof CudaDevice))
    throw new InvalidArgumentError(`cuda_async has no limits for ${device.name}, which is not a CUDA device.`);
  const { maxBlockDimensions: block, maxGridDimensions: grid } = device.properties;
  // alpaka's order is slowest first: [z, y, x].
  return {
    maxBlocksPerGrid: [grid[2], grid[1], grid[0]],
    maxThreadsPerBlock: [block[2], block[1], block[0]],
    maxThreadsPerBlockTotal: device.properties.maxThreadsPerBlock,
    maxElementsPerThread: 0xffffffff,
    // What a block may have with CUDA's opt-in (cuFuncSetAttribute), which launches make when they need it;
    // a kernel's own static shared memory counts against it, and the launch says so if it does not fit.
    maxDynamicSharedMemoryBytes: device.properties.sharedMemoryPerBlockOptIn,
  };
}

/** A work division as cuLaunchKernel takes it: CUDA's x, y, z (alpaka's vectors are slowest first). */
interface LaunchGeometry {
  readonly dimension: number;
  readonly oneElementPerThread: boolean;
  readonly empty: boolean;
  readonly gridX: number;
  readonly gridY: number;
  readonly gridZ: number;
  readonly blockX: number;
  readonly blockY: number;
  readonly blockZ: number;
}

/** CUDA's component (0 = x, 1 = y, 2 = z) of an alpaka-order vector, whose last component is x. */
const component = (vector: readonly number[], which: number): number =>
  which < vector.length ? (vector[vector.length - 1 - which] ?? 1) : 1;

// Work divisions are immutable: each is translated once, not per launch.
const geometries = new WeakMap<WorkDivisionV1, LaunchGeometry>();

let lastWorkDivision: WorkDivisionV1 | undefined;
let lastGeometry: LaunchGeometry | undefined;

function geometryOf(workDivision: WorkDivisionV1): LaunchGeometry {
  if (workDivision === lastWorkDivision && lastGeometry) return lastGeometry;
  let geometry = geometries.get(workDivision);
  if (!geometry) {
    const { blocksPerGrid: grid, threadsPerBlock: block } = workDivision;
    const gridX = component(grid, 0);
    const gridY = component(grid, 1);
    const gridZ = component(grid, 2);
    geometry = {
      dimension: grid.length,
      oneElementPerThread: workDivision.elementsPerThread.every((elements) => elements === 1),
      empty: gridX * gridY * gridZ === 0,
      gridX,
      gridY,
      gridZ,
      blockX: component(block, 0),
      blockY: component(block, 1),
      blockZ: component(block, 2),
    };
    geometries.set(workDivision, geometry);
  }
  lastWorkDivision = workDivision;
  lastGeometry = geometry;
  return geometry;
}

function launch(queue: QueueV1, request: KernelLaunchV1): void {
  if (!(queue instanceof CudaQueue))
    throw new InvalidArgumentError('cuda_async launches kernels into its own queues only.');
  const { kernels: compiled, addon } = ready();
  const device = queue.device as CudaDevice;
  const geometry = geometryOf(request.workDivision);
  const kernel = compiled.get(
    request.kernel,
    geometry.dimension,
    device,
    geometry.oneElementPerThread,
    constantsOf(request.kernel, request.arguments),
  );
  if (kernel.usesChecks && !request.checkBuffer) {
    throw new InvalidArgumentError(
      `kernel '${request.kernel.name}' calls acc.check; pass a check buffer: queue.exec(…, { checkBuffer }).`,
    );
  }
  kernel.plan.write(request, queue.stream);
  if (geometry.empty) return;
  const sharedBytes = request.dynamicSharedMemoryBytes;
  // Above 48 KiB a kernel must opt in to more dynamic shared memory (cuFuncSetAttribute), once per size.
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
  addon.launch(kernel.plan.record);
  queue.enqueued();
}

/** cuda_async: NVIDIA GPUs through the CUDA driver API, kernels compiled with NVRTC (alpaka's AccGpuCudaRt). */
export const cudaBackend: BackendV1 = Object.freeze<BackendV1>({
  specificationVersion,
  name: 'cuda_async',
  accelerator: 'gpu-nvidia',
  acceleratorTypeName: 'AccGpuCudaRt',
  runsOnHost: false,
  probe() {
    const runtime = cudaRuntime();
    if (!runtime.available) return { available: false, reason: runtime.reason };
    const names = runtime.devices
      .map((device, index) => `${index}: ${device.name} (sm_${device.computeCapability})`)
      .join(', ');
    return {
      available: true,
      reason: `${runtime.devices.length} GPU(s) [${names}], driver ${runtime.driverVersion}, NVRTC ${runtime.nvrtcVersion} from ${runtime.nvrtcPath}`,
    };
  },
  platform: (): PlatformV1 => ready().platform,
  limits: limitsOf,
  launch,
});

/** The CUDA accelerator in 1, 2 and 3 dimensions (CMSSW's Acc1D, Acc2D, Acc3D for alpaka_cuda_async). */
export const acc1D = acceleratorOf(cudaBackend, 1);
export const acc2D = acceleratorOf(cudaBackend, 2);
export const acc3D = acceleratorOf(cudaBackend, 3);

/** The caching allocator's statistics for one GPU (bytes live and cached, requests, cache hits, driver calls). */
export const allocatorStatistics = (device = 0): AllocatorStatistics => {
  const found = ready().platform.devices()[device];
  if (!(found instanceof CudaDevice)) throw new InvalidArgumentError(`there is no CUDA device ${device}.`);
  return found.allocator.stats();
};

/** Kernel compilation statistics of this process (compiled with NVRTC, or loaded from the disk cache). */
export const kernelStatistics = (): { compiled: number; loadedFromDisk: number } => ready().kernels.statistics;
