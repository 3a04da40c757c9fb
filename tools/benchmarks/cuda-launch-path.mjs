#!/usr/bin/env node
// The JavaScript half of cuda_async's launch overhead, measured without a GPU: the backend runs over the GPU kit's
// stand-in addon, whose launch() only counts, so `queue.exec` costs exactly what alpaka-ts adds on top of the
// driver. The reference is the same launch() called directly with a launch record (the floor of any JavaScript
// launch). Usage: node tools/benchmarks/cuda-launch-path.mjs [launches]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const launches = Number(process.argv[2] ?? 200000);
const require = createRequire(import.meta.url);
const Module = require('node:module');

// The GPU kit's stand-in addon as CUDA on an H200, recording nothing: its launch() only counts, as cheap as a
// JavaScript function can be. The cuda addon's own loading entry points are added to it.
const { h200, standInGpuAddon } = await import('@alpaka-ts/gpu-kit/testing');
const standIn = standInGpuAddon({ device: h200, recording: false });
const fakeAddon = Object.assign(standIn.addon, {
  loadDriver: () => ({ loaded: true, driverVersion: 13000, deviceCount: 1 }),
  loadNvrtc: () => ({ loaded: true, version: '13.0' }),
});
// The backend loads its addon with require(); answer with the fake (the built addon file must exist).
const loadNative = Module._extensions['.node'];
Module._extensions['.node'] = (module, filename) => {
  if (filename.endsWith('alpaka_cuda.node')) module.exports = fakeAddon;
  else loadNative(module, filename);
};
const fakeToolkit = mkdtempSync(join(tmpdir(), 'fake-cuda-'));
mkdirSync(join(fakeToolkit, 'lib64'));
writeFileSync(join(fakeToolkit, 'lib64', 'libnvrtc.so'), '');
process.env.CUDA_PATH = fakeToolkit;
process.env.ALPAKA_TS_CACHE_DIR ??= 'off';

const { cudaBackend, expectedAbiVersion } = await import('@alpaka-ts/backend-cuda');
// Set from the package, so the stand-in always claims the ABI the JavaScript expects.
fakeAddon.abiVersion = expectedAbiVersion;
const { acceleratorOf, allocBuf, array, Device, f32, kernel, makeWorkDiv, u32 } = await import('@alpaka-ts/interface');

const probe = cudaBackend.probe();
if (!probe.available) throw new Error(`the fake CUDA stack did not load: ${probe.reason}`);
const gpu = Device.of(cudaBackend.platform().devices()[0]);
const queue = gpu.createQueue();
const one = makeWorkDiv(acceleratorOf(cudaBackend, 1), 1, 1);
const empty0 = kernel('launchPathEmpty0', {}, (_acc) => {});
const signature16 = {};
for (let index = 0; index < 8; index++) signature16[`p${index}`] = array(f32);
for (let index = 0; index < 4; index++) signature16[`i${index}`] = u32;
for (let index = 0; index < 4; index++) signature16[`f${index}`] = f32;
const empty16 = kernel('launchPathEmpty16', signature16, (_acc) => {});
const args16 = {};
for (let index = 0; index < 8; index++) args16[`p${index}`] = allocBuf(gpu, f32, 16);
for (let index = 0; index < 4; index++) args16[`i${index}`] = index + 1;
for (let index = 0; index < 4; index++) args16[`f${index}`] = index + 0.5;

const record = new ArrayBuffer(256);
// The first launch of a kernel: check and emit (or, with a warm ALPAKA_TS_CACHE_DIR, the disk cache's manifest).
const saxpy = kernel(
  'launchPathSaxpy',
  { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) },
  (acc, { n, a, x, y }) => {
    for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
  },
);
const firstStarted = performance.now();
queue.exec(one, saxpy, { n: 1, a: 1, x: args16.p0, y: args16.p1 });
const firstLaunchMs = performance.now() - firstStarted;
function nanosecondsPerCall(body) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 7; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < launches; index++) body();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / launches);
  }
  return fastest;
}
const direct = nanosecondsPerCall(() => fakeAddon.launch(record));
const exec0 = nanosecondsPerCall(() => queue.exec(one, empty0, {}));
const exec16 = nanosecondsPerCall(() => queue.exec(one, empty16, args16));
await queue.wait();
if (standIn.launchCount() < 2 * 7 * launches)
  throw new Error(`only ${standIn.launchCount()} launches reached the stand-in addon`);
console.log(
  JSON.stringify({
    launches,
    firstLaunchMs: Number(firstLaunchMs.toFixed(2)),
    directCallNs: Number(direct.toFixed(1)),
    exec0Ns: Number(exec0.toFixed(1)),
    exec16Ns: Number(exec16.toFixed(1)),
  }),
);
