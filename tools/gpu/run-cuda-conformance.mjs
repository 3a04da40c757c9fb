#!/usr/bin/env node
// Runs the whole backend conformance suite on every NVIDIA GPU through cuda_async, without a test framework,
// then runs it a second time in a fresh process to show the disk cache compiles nothing. Bundled with
// bundle-for-gpu.mjs and run on the GPU machine with the packed Node: node .gpu/bundle/dist/run.mjs
import { allocatorStatistics, cudaBackend, kernelStatistics } from '@alpaka-ts/backend-cuda';
import { allocAsyncBuf, Device, f32, memset } from '@alpaka-ts/interface';
import { runConformanceSuite } from '@alpaka-ts/interface/testing';

const started = performance.now();
const probe = cudaBackend.probe();
console.log(`cuda_async: ${probe.available ? 'available' : 'UNAVAILABLE'}: ${probe.reason}`);
if (!probe.available) process.exit(2);
let failed = 0;
for (const deviceV1 of cudaBackend.platform().devices()) {
  const device = Device.of(deviceV1);
  const report = await runConformanceSuite(cudaBackend, {
    device,
    onResult: (result) => {
      if (!result.passed) console.log(`  FAILED ${result.category} › ${result.name}: ${result.error?.message}`);
    },
  });
  failed += report.failed;
  console.log(`${device.name}: ${report.passed} passed, ${report.failed} failed (${report.results.length} cases)`);
}
// The caching allocator: a buffer collected after its queue used it comes back from the cache for the same size.
if (globalThis.gc) {
  const gpu = Device.of(cudaBackend.platform().devices()[0]);
  const queue = gpu.createQueue();
  const allocateAndDrop = () => memset(queue, allocAsyncBuf(queue, f32, 3000), 0);
  allocateAndDrop();
  await queue.wait();
  const before = allocatorStatistics(0);
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  allocateAndDrop();
  const after = allocatorStatistics(0);
  const reused = after.cacheHits > before.cacheHits;
  if (!reused) failed += 1;
  console.log(
    `caching allocator: ${reused ? 'reused a collected block' : 'FAILED to reuse a collected block'}; ${JSON.stringify(after)}`,
  );
}
const statistics = kernelStatistics();
console.log(
  `kernels: ${statistics.compiled} compiled with NVRTC, ${statistics.loadedFromDisk} loaded from the disk cache; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed === 0 ? 0 : 1);
