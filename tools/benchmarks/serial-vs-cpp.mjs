#!/usr/bin/env node
// Benchmark (issue: serial backend within 1.5× of C++): saxpy and a sum reduction on 2^24 floats, run by
// serial_sync (its WebAssembly emitter, the default, and its JavaScript emitter), by a hand-written JavaScript loop, and by the same loops in C++ built
// with g++ -O2, in one run. Prints best-of-N times and the ratios. Usage: node tools/benchmarks/serial-vs-cpp.mjs [log2 n] [repetitions]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { acc1D, webAssemblyVariantCounts } from '@alpaka-ts/backend-serial';
import { allocBuf, array, divideUpBy, f32, host, kernel, makeWorkDiv, u32 } from '@alpaka-ts/interface';

const log2n = Number(process.argv[2] ?? 24);
const repetitions = Number(process.argv[3] ?? 20);
const n = 2 ** log2n;

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
const sum = kernel('sum', { n: u32, x: array(f32, 'in'), total: array(f32) }, (acc, { n, x, total }) => {
  let partial = acc.f32(0);
  for (const i of acc.uniformElements(n)) partial += x[i];
  acc.atomicAdd(total, 0, partial);
});

// The same kernels with the loop bound copied into a local, which the in-range analysis does not take for a
// launch-time value: their element accesses stay guarded, so one run measures what proving them in range saves.
const saxpyGuarded = kernel(
  'saxpyGuarded',
  { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) },
  (acc, { n, a, x, y }) => {
    const count = n;
    for (const i of acc.uniformElements(count)) y[i] = a * x[i] + y[i];
  },
);
const sumGuarded = kernel('sumGuarded', { n: u32, x: array(f32, 'in'), total: array(f32) }, (acc, { n, x, total }) => {
  const count = n;
  let partial = acc.f32(0);
  for (const i of acc.uniformElements(count)) partial += x[i];
  acc.atomicAdd(total, 0, partial);
});

function best(body) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const started = performance.now();
    body();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

// C++ reference, built here so it runs on this machine's compiler and CPU.
const here = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${here}out`, { recursive: true });
const binary = `${here}out/serial-reference`;
execFileSync('g++', ['-O2', '-std=c++17', '-o', binary, `${here}native/serial-reference.cpp`]);
const cpp = JSON.parse(execFileSync(binary, [String(n), String(repetitions)], { encoding: 'utf8' }));

const x = allocBuf(host(), f32, n);
const y = allocBuf(host(), f32, n);
const total = allocBuf(host(), f32, 1);
x.hostArray().forEach((_, index, values) => {
  values[index] = Math.fround((index % 1000) * Math.fround(0.001));
});
y.hostArray().fill(1);
const queue = host().createQueue();
// One block per 2^16 elements: the block loop costs nothing measurable at this size.
const division = makeWorkDiv(acc1D, divideUpBy(n, 65536), 65536);
// serial_sync through each of its emitters (ALPAKA_TS_CPU_EMITTER is read at every launch), without and with
// bounds checks (ExecOptions.boundsChecks: the checked variant of each kernel).
function measure(emitter, boundsChecks = false, kernels = { saxpy, sum }) {
  process.env.ALPAKA_TS_CPU_EMITTER = emitter;
  const options = { boundsChecks };
  const saxpyMs = best(() => queue.exec(division, kernels.saxpy, { n, a: 2, x, y }, options));
  const sumMs = best(() => {
    total.hostArray()[0] = 0;
    queue.exec(division, kernels.sum, { n, x, total }, options);
  });
  return { saxpyMs, sumMs, total: total.hostArray()[0] };
}
const variantsBefore = webAssemblyVariantCounts();
const webAssembly = measure('webassembly');
const variantsAfter = webAssemblyVariantCounts();
const javaScript = measure('javascript');
const guardedWebAssembly = measure('webassembly', false, { saxpy: saxpyGuarded, sum: sumGuarded });
const checkedWebAssembly = measure('webassembly', true);
const checkedJavaScript = measure('javascript', true);
delete process.env.ALPAKA_TS_CPU_EMITTER;

// The same loops written by hand over the same typed arrays, with the same C semantics (a*x rounded to
// f32, then the sum rounded): the cost of the generated code's structure, apart from the semantics.
const xs = x.hostArray();
const ys = y.hostArray();
const handSaxpy = best(() => {
  for (let i = 0; i < n; i++) ys[i] = Math.fround(Math.fround(2 * xs[i]) + ys[i]);
});
let handTotal = 0;
const handSum = best(() => {
  let partial = 0;
  for (let i = 0; i < n; i++) partial = Math.fround(partial + xs[i]);
  handTotal = partial;
});

const ratio = (value, reference) => (value / reference).toFixed(2);
console.log(
  `serial benchmark, n = 2^${log2n}, best of ${repetitions}, ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
);
for (const [name, key, hand, reference] of [
  ['saxpy', 'saxpyMs', handSaxpy, cpp.saxpyMs],
  ['sum  ', 'sumMs', handSum, cpp.sumMs],
]) {
  console.log(
    `${name}: alpaka-ts serial WebAssembly ${webAssembly[key].toFixed(2)} ms, JavaScript ${javaScript[key].toFixed(2)} ms, hand-written JS ${hand.toFixed(2)} ms, g++ -O2 ${reference.toFixed(2)} ms -> WebAssembly / C++ = ${ratio(webAssembly[key], reference)}x, JavaScript / C++ = ${ratio(javaScript[key], reference)}x`,
  );
}
for (const [name, key] of [
  ['saxpy', 'saxpyMs'],
  ['sum  ', 'sumMs'],
]) {
  console.log(
    `${name} WebAssembly with every element access guarded (bound in a local): ${guardedWebAssembly[key].toFixed(2)} ms (${ratio(guardedWebAssembly[key], webAssembly[key])}x the proven-in-range launch)`,
  );
  console.log(
    `${name} bounds-checked: WebAssembly ${checkedWebAssembly[key].toFixed(2)} ms (${ratio(checkedWebAssembly[key], webAssembly[key])}x unchecked), JavaScript ${checkedJavaScript[key].toFixed(2)} ms (${ratio(checkedJavaScript[key], javaScript[key])}x unchecked)`,
  );
}
console.log(
  `variants: the unchecked WebAssembly launches ran ${variantsAfter.unguarded - variantsBefore.unguarded} unguarded, ${variantsAfter.guarded - variantsBefore.guarded} guarded`,
);
console.log(
  `check: sums alpaka-ts WebAssembly ${webAssembly.total}, JavaScript ${javaScript.total}, hand JS ${handTotal}, C++ ${cpp.sum}`,
);
