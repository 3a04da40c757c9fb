#!/usr/bin/env node
// Runs the alpaka layer's checks (alpaka-layer-checks.mjs) on cuda_async, or with --mock on the mock accelerator
// (its kernels run by serial_sync's code) to try the script without a GPU. Bundled with bundle-for-gpu.mjs and
// run on the GPU machine: /tmp/node .gpu/bundle/dist/run-alpaka-layer.mjs
import { allocatorStatistics, cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { registerBackendIdentity } from '@alpaka-ts/core/alpaka';
import { allocBuf, Device, registerBackend, u8 } from '@alpaka-ts/interface';
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
}
process.exit(outcome.failed === 0 ? 0 : 1);
