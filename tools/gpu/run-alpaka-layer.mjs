#!/usr/bin/env node
// Runs the alpaka layer's checks (alpaka-layer-checks.mjs) on cuda_async, or with --mock on the mock accelerator
// (its kernels run by serial_sync's code) to try the script without a GPU. Bundled with bundle-for-gpu.mjs and
// run on the GPU machine: /tmp/node .gpu/bundle/dist/run-alpaka-layer.mjs
import { allocatorStatistics, cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { registerBackendIdentity } from '@alpaka-ts/core/alpaka';
import { allocBuf, allocMappedBuf, Device, memcpy, registerBackend, u8 } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { runAlpakaLayerChecks } from './alpaka-layer-checks.mjs';

let outcome;
if (process.argv.includes('--mock')) {
  registerBackend(createMockAcceleratorBackend({ name: 'mock_async', kernelRunner: serialKernelRunner }));
  registerBackendIdentity('mock_async', { value: 100, typeSuffix: 'MockAsync' });
  outcome = await runAlpakaLayerChecks('mock_async', 100);
} else {
  const probe = cudaBackend.probe();
  if (!probe.available) {
    console.log(`cuda_async: UNAVAILABLE: ${probe.reason}`);
    process.exit(2);
  }
  registerBackend(cudaBackend);
  outcome = await runAlpakaLayerChecks('cuda_async', 1);
  // AlpakaService's deviceAllocator PSet through the backend contract: 4^8 bytes is the smallest bin then.
  cudaBackend.configureCachingAllocators({
    device: { binGrowth: 4, minBin: 8, maxBin: 13, maxCachedBytes: 0, maxCachedFraction: 0.5 },
  });
  const before = allocatorStatistics(0).liveBytes;
  const kept = allocBuf(Device.of(cudaBackend.platform().devices()[0]), u8, 1000);
  const grown = allocatorStatistics(0).liveBytes - before;
  const configured = grown === 4 ** 8;
  console.log(
    `${configured ? 'PASS' : 'FAIL'} configureCachingAllocators: a 1000-byte buffer took ${grown} bytes (expected ${4 ** 8}, the configured smallest bin) for ${kept.extents[0]} elements`,
  );
  if (!configured) outcome = { ...outcome, failed: outcome.failed + 1 };
  // The fill* debugging settings: a new device block holds fillAllocationValue, a new pinned one the host's.
  cudaBackend.configureCachingAllocators({
    device: {
      binGrowth: 2,
      minBin: 8,
      maxBin: 30,
      maxCachedBytes: 0,
      maxCachedFraction: 0.8,
      fill: { allocations: 0xa5 },
    },
    host: {
      binGrowth: 2,
      minBin: 8,
      maxBin: 30,
      maxCachedBytes: 0,
      maxCachedFraction: 0.8,
      fill: { allocations: 0x3c },
    },
  });
  const device = Device.of(cudaBackend.platform().devices()[0]);
  const filledDevice = allocBuf(device, u8, 3000);
  const pinned = allocMappedBuf(device.platform, u8, 3000);
  const pinnedFilled = pinned.hostArray().every((byte) => byte === 0x3c);
  const queue = device.createQueue();
  memcpy(queue, pinned, filledDevice);
  await queue.wait();
  const deviceFilled = pinned.hostArray().every((byte) => byte === 0xa5);
  const filled = pinnedFilled && deviceFilled;
  console.log(
    `${filled ? 'PASS' : 'FAIL'} allocator fill settings: new pinned block ${pinnedFilled ? 'all 0x3c' : 'NOT filled'}, new device block ${deviceFilled ? 'all 0xa5' : 'NOT filled'}`,
  );
  if (!filled) outcome = { ...outcome, failed: outcome.failed + 1 };
}
process.exit(outcome.failed === 0 ? 0 : 1);
