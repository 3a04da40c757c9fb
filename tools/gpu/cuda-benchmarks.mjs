#!/usr/bin/env node
// The alpaka-ts side of the cuda_async benchmarks (BENCHMARKS.md): saxpy and an SoA-like column fill on 2^28
// elements, a device-to-device copy, empty-kernel launch overhead with 0 and 16 arguments, pinned host<->device
// copies, and the time of a kernel's first launch (compile, or load from the disk cache). Timed as the native
// reference is: wall clock around N enqueues and one queue.wait(), best of 5 rounds. Prints one JSON object.
import { cudaBackend, kernelStatistics } from '@alpaka-ts/backend-cuda';
import {
  acceleratorOf,
  allocBuf,
  allocMappedBuf,
  array,
  Device,
  divideUpBy,
  f32,
  i32,
  kernel,
  makeWorkDiv,
  memcpy,
  memset,
  u32,
} from '@alpaka-ts/interface';

const saxpy = kernel('benchSaxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
const fillColumns = kernel(
  'benchFillColumns',
  { n: u32, x: array(f32, 'out'), y: array(f32, 'out'), z: array(f32, 'out'), id: array(i32, 'out') },
  (acc, { n, x, y, z, id }) => {
    for (const i of acc.uniformElements(n)) {
      // f32 constants, as the native reference's 0.5f: a bare 0.5 next to an integer would compute in f64.
      x[i] = acc.f32(0.5) * i;
      y[i] = acc.f32(1.5) * i;
      z[i] = acc.f32(-0.25) * i;
      id[i] = i;
    }
  },
);
const empty0 = kernel('benchEmpty0', {}, (_acc) => {});
const empty16 = kernel(
  'benchEmpty16',
  {
    p0: array(f32),
    p1: array(f32),
    p2: array(f32),
    p3: array(f32),
    p4: array(f32),
    p5: array(f32),
    p6: array(f32),
    p7: array(f32),
    i0: u32,
    i1: u32,
    i2: u32,
    i3: u32,
    f0: f32,
    f1: f32,
    f2: f32,
    f3: f32,
  },
  (_acc) => {},
);

async function best(rounds, repetitions, queue, enqueue) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let repetition = 0; repetition < repetitions; repetition++) enqueue();
    await queue.wait();
    fastest = Math.min(fastest, (performance.now() - started) / repetitions);
  }
  return fastest;
}

const gpu = Device.of(cudaBackend.platform().devices()[0]);
const queue = gpu.createQueue();
const acc1D = acceleratorOf(cudaBackend, 1);
const n = 2 ** 28;

// The first launch of each kernel compiles it (or loads it from the disk cache) and loads the module.
const first = {};
const small = allocBuf(gpu, f32, 256);
const tiny = makeWorkDiv(acc1D, 1, 1);
for (const [name, run] of [
  ['saxpy', () => queue.exec(tiny, saxpy, { n: 1, a: 1, x: small, y: small })],
  ['fill', () => queue.exec(tiny, fillColumns, { n: 1, x: small, y: small, z: small, id: allocBuf(gpu, i32, 1) })],
  ['empty0', () => queue.exec(tiny, empty0, {})],
]) {
  const started = performance.now();
  await run();
  first[name] = performance.now() - started;
}
await queue.wait();

const x = allocBuf(gpu, f32, n);
const y = allocBuf(gpu, f32, n);
const z = allocBuf(gpu, f32, n);
const id = allocBuf(gpu, i32, n);
memset(queue, x, 0);
memset(queue, y, 0);
const division = makeWorkDiv(acc1D, divideUpBy(n, 256), 256);
for (let warm = 0; warm < 3; warm++) queue.exec(division, saxpy, { n, a: 2, x, y });
await queue.wait();
const copyMs = await best(5, 10, queue, () => memcpy(queue, y, x));
const saxpyMs = await best(5, 20, queue, () => queue.exec(division, saxpy, { n, a: 2, x, y }));
const fillMs = await best(5, 20, queue, () => queue.exec(division, fillColumns, { n, x, y, z, id }));

const one = makeWorkDiv(acc1D, 1, 1);
const pointers = Array.from({ length: 8 }, () => allocBuf(gpu, f32, 16));
const args16 = {
  ...Object.fromEntries(pointers.map((buffer, index) => [`p${index}`, buffer])),
  i0: 1,
  i1: 2,
  i2: 3,
  i3: 4,
  f0: 1,
  f1: 2,
  f2: 3,
  f3: 4,
};
const launch0Us = 1000 * (await best(5, 10000, queue, () => queue.exec(one, empty0, {})));
const launch16Us = 1000 * (await best(5, 10000, queue, () => queue.exec(one, empty16, args16)));
// The same with a new scalar value every launch, so no launch can reuse the previous one's prepared arguments.
let counter = 0;
const launch16ChangingUs =
  1000 * (await best(5, 10000, queue, () => queue.exec(one, empty16, { ...args16, i0: counter++ & 0xffff })));

const pinnedElements = 2 ** 26;
const pinned = allocMappedBuf(gpu.platform, f32, pinnedElements);
const device = allocBuf(gpu, f32, pinnedElements);
const toDeviceMs = await best(5, 5, queue, () => memcpy(queue, device, pinned));
const toHostMs = await best(5, 5, queue, () => memcpy(queue, pinned, device));

console.log(
  JSON.stringify({
    n,
    copyMs,
    saxpyMs,
    fillMs,
    launch0Us,
    launch16Us,
    launch16ChangingUs,
    pinnedBytes: pinnedElements * 4,
    toDeviceMs,
    toHostMs,
    firstLaunchMs: first,
    kernels: kernelStatistics(),
  }),
);
