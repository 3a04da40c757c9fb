#!/usr/bin/env node
// Runs the whole backend conformance suite on every NVIDIA GPU through cuda_async, without a test framework,
// then once more bounds-checked (cuda-bounds-checks.mjs: the suite with ALPAKA_TS_BOUNDS_CHECKS=1 and deliberate
// out-of-range kernels, PASS/FAIL lines; --no-bounds-checks skips it). Run it twice, in fresh processes, to show
// the disk cache compiles nothing the second time. Bundled with bundle-for-gpu.mjs and run on the GPU machine
// with the packed Node: /tmp/node .gpu/bundle/dist/run-cuda-conformance.mjs
import { allocatorStatistics, cudaBackend, kernelStatistics, pinnedAllocatorStatistics } from '@alpaka-ts/backend-cuda';
import {
  acceleratorOf,
  allocAsyncBuf,
  allocBuf,
  allocMappedBuf,
  copyToDevice,
  copyToHost,
  Device,
  f32,
  f64,
  host,
  i32,
  kernel,
  makeWorkDiv,
  memcpy,
  memset,
  view,
} from '@alpaka-ts/interface';
import { conformanceKernels, runConformanceSuite } from '@alpaka-ts/interface/testing';
import { PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';
import { runBoundsChecked } from './cuda-bounds-checks.mjs';

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
// The caching host allocator: a pinned buffer collected after its queue copied it comes back for the same size.
if (globalThis.gc) {
  const gpu = Device.of(cudaBackend.platform().devices()[0]);
  const queue = gpu.createQueue();
  const onDevice = allocAsyncBuf(queue, f32, 5000);
  const copyAndDrop = () => {
    const pinned = allocMappedBuf(gpu.platform, f32, 5000, queue);
    pinned.hostArray().fill(1.5);
    memcpy(queue, onDevice, pinned);
  };
  copyAndDrop();
  await queue.wait();
  const before = pinnedAllocatorStatistics();
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  copyAndDrop();
  await queue.wait();
  const after = pinnedAllocatorStatistics();
  const back = allocBuf(host(), f32, 5000);
  memcpy(queue, back, onDevice);
  await queue.wait();
  const reused = after.cacheHits > before.cacheHits && back.hostArray().every((value) => value === 1.5);
  if (!reused) failed += 1;
  console.log(
    `caching host allocator: ${reused ? 'reused a collected pinned block, data intact' : 'FAILED'}; ${JSON.stringify(after)}`,
  );
}
// Portable collections: a host collection to the GPU and back, one memcpy each way.
{
  const gpu = Device.of(cudaBackend.platform().devices()[0]);
  const queue = gpu.createQueue();
  const layout = defineLayout('Hits', [
    { kind: 'column', name: 'x', elementType: f64 },
    { kind: 'column', name: 'id', elementType: i32 },
    { kind: 'scalar', name: 'energy', elementType: f64 },
  ]);
  const original = new PortableHostCollection(layout, 1000, host());
  original.view().columns.x.forEach((_, index, values) => {
    values[index] = index * 0.5;
  });
  original.view().columns.id.forEach((_, index, values) => {
    values[index] = -index;
  });
  original.view().scalars.energy = 42.5;
  const onDevice = copyToDevice(queue, original);
  const back = await copyToHost(queue, onDevice);
  await queue.wait();
  const same =
    onDevice instanceof PortableDeviceCollection &&
    back.view().scalars.energy === 42.5 &&
    back.view().columns.x.every((value, index) => value === index * 0.5) &&
    back.view().columns.id.every((value, index) => value === -index);
  if (!same) failed += 1;
  console.log(`portable collections: host -> ${gpu.name} -> host ${same ? 'round trip exact' : 'FAILED'}`);

  // A kernel over the device collection's views: reads a const view, writes another collection's view.
  const scale = kernel(
    'scaleHits',
    { source: view(layout, 'in'), target: view(layout, 'out') },
    (acc, { source, target }) => {
      for (const i of acc.uniformElements(source.size)) {
        target.x[i] = source.x[i] * source.energy;
        target.id[i] = source.id[i] * 2;
      }
      if (acc.oncePerGrid()) target.energy = source.size;
    },
  );
  const target = new PortableDeviceCollection(layout, 1000, queue);
  await queue.exec(makeWorkDiv(acceleratorOf(cudaBackend, 1), 8, 128), scale, {
    source: onDevice.constView(),
    target: target.view(),
  });
  const scaled = await copyToHost(queue, target);
  await queue.wait();
  const kernelRight =
    scaled.view().scalars.energy === 1000 &&
    scaled.view().columns.x.every((value, index) => value === index * 0.5 * 42.5) &&
    scaled.view().columns.id.every((value, index) => value === -2 * index);
  if (!kernelRight) failed += 1;
  console.log(`portable collections: a kernel over device collection views ${kernelRight ? 'exact' : 'FAILED'}`);
}
{
  // Dynamic shared memory above 48 KiB: the launch opts the kernel in (cuFuncSetAttribute) up to the device's
  // per-block maximum; each block reverses its slice of the data through shared memory.
  const gpu = Device.of(cudaBackend.platform().devices()[0]);
  const queue = gpu.createQueue();
  // The suite's own dynamic-shared-memory kernel (each block reverses its slice), here with sizes above 48 KiB.
  const reverse = conformanceKernels.find(
    (candidate) => candidate.kernel.name === 'conformanceDynamicSharedReverse',
  ).kernel;
  const optIn = cudaBackend.limits(gpu.implementation).maxDynamicSharedMemoryBytes;
  const results = [];
  for (const bytes of [64 * 1024, optIn]) {
    const size = bytes / 4;
    const blocks = 3;
    const staged = allocBuf(host(), i32, size * blocks);
    const values = staged.hostArray();
    for (let index = 0; index < values.length; index++) values[index] = index * 7 - 5;
    const data = allocBuf(gpu, i32, size * blocks);
    memcpy(queue, data, staged);
    await queue.exec(makeWorkDiv(acceleratorOf(cudaBackend, 1), blocks, 256, 1), reverse, { size, data });
    const result = allocBuf(host(), i32, size * blocks);
    memcpy(queue, result, data);
    await queue.wait();
    const back = result.hostArray();
    const right = back.every((value, index) => {
      const block = Math.floor(index / size);
      return value === values[block * size + (size - 1 - (index % size))];
    });
    results.push(`${bytes} bytes ${right ? 'exact' : 'FAILED'}`);
    if (!right) failed += 1;
  }
  let refused = 'not refused: FAILED';
  try {
    await queue.exec(makeWorkDiv(acceleratorOf(cudaBackend, 1), 1, 256, 1), reverse, {
      size: optIn / 4 + 1,
      data: allocBuf(gpu, i32, optIn / 4 + 1),
    });
    failed += 1;
  } catch (error) {
    refused = `refused: ${error.message}`;
  }
  console.log(
    `dynamic shared memory above 48 KiB (opt-in maximum ${optIn}): ${results.join(', ')}; one more word ${refused}`,
  );
}
if (!process.argv.includes('--no-bounds-checks')) failed += await runBoundsChecked(cudaBackend);
const statistics = kernelStatistics();
console.log(
  `kernels: ${statistics.compiled} compiled with NVRTC, ${statistics.loadedFromDisk} loaded from the disk cache; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed === 0 ? 0 : 1);
