#!/usr/bin/env node
// Runs the whole backend conformance suite on every NVIDIA GPU through cuda_async, without a test framework,
// then runs it a second time in a fresh process to show the disk cache compiles nothing. Bundled with
// bundle-for-gpu.mjs and run on the GPU machine with the packed Node: node .gpu/bundle/dist/run.mjs
import { cudaBackend, kernelStatistics } from '@alpaka-ts/backend-cuda';
import { Device } from '@alpaka-ts/interface';
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
const statistics = kernelStatistics();
console.log(
  `kernels: ${statistics.compiled} compiled with NVRTC, ${statistics.loadedFromDisk} loaded from the disk cache; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed === 0 ? 0 : 1);
