// What alpaka-ts does so far, end to end on the default serial backend: load a backend by name, compile and
// run a kernel, check it against a plain loop with C's f32 semantics, and run the backend conformance suite
// that every backend must pass.
import {
  acceleratorOf,
  allocBuf,
  array,
  divideUpBy,
  f32,
  host,
  kernel,
  loadBackend,
  makeWorkDiv,
  memcpy,
  u32,
} from '@alpaka-ts/interface';
import { runConformanceSuite } from '@alpaka-ts/interface/testing';

const axpy = kernel('axpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});

const backend = await loadBackend('serial_sync');
const device = host();
console.log(`backend ${backend.name} (${backend.acceleratorTypeName}) on ${device.name}`);

const n = 1 << 20;
const x = allocBuf(device, f32, n);
const y = allocBuf(device, f32, n);
x.hostArray().forEach((_, index, values) => {
  values[index] = Math.sin(index);
});
y.hostArray().fill(1);
// C's f32 semantics: a * x[i] rounds to f32, then the sum rounds again (no FMA contraction).
const expected = Float32Array.from(y.hostArray(), (value, index) =>
  Math.fround(Math.fround(2.5 * x.hostArray()[index]) + value),
);

const queue = device.createQueue();
const workDivision = makeWorkDiv(acceleratorOf(backend, 1), divideUpBy(n, 1024), 1024);
const started = performance.now();
await queue.exec(workDivision, axpy, { n, a: 2.5, x, y });
await queue.wait();
const milliseconds = performance.now() - started;

const result = allocBuf(device, f32, n);
memcpy(queue, result, y);
const mismatches = result.hostArray().reduce((count, value, index) => count + (value === expected[index] ? 0 : 1), 0);
console.log(
  `axpy on ${n} floats: ${workDivision.blocksPerGrid[0]} blocks × ${workDivision.threadsPerBlock[0]} thread × ${workDivision.elementsPerThread[0]} elements, ${milliseconds.toFixed(1)} ms`,
);
console.log(`y[0..4] = ${[...result.hostArray().subarray(0, 5)].map((value) => value.toFixed(4)).join(', ')}`);
console.log(
  `matches a plain JavaScript loop: ${mismatches === 0 ? 'yes, bit for bit' : `no, ${mismatches} elements differ`}`,
);

const report = await runConformanceSuite(backend);
const byCategory = new Map();
for (const { category, passed } of report.results) {
  const counts = byCategory.get(category) ?? { passed: 0, total: 0 };
  counts.total += 1;
  counts.passed += passed ? 1 : 0;
  byCategory.set(category, counts);
}
console.log(`conformance suite on ${report.backend}: ${report.passed} passed, ${report.failed} failed`);
console.log([...byCategory].map(([category, { passed, total }]) => `  ${category} ${passed}/${total}`).join('\n'));
for (const failure of report.results.filter((result) => !result.passed))
  console.log(`  FAILED ${failure.category} › ${failure.name}: ${failure.error?.message}`);
process.exitCode = mismatches === 0 && report.failed === 0 ? 0 : 1;
