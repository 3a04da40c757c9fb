#!/usr/bin/env node
import { array, f32, i32, kernel, u32 } from '@alpaka-ts/interface';
import { checkKernel, emitCpp, emitJavaScript } from '@alpaka-ts/kernel-compiler';
// Benchmark (kernel-compiler issue: parse + check + emit of a 50-line kernel under 5 ms). Times a fresh
// compile of a 50-line kernel to JavaScript and to CUDA C++, against acorn's bare parse of the same source
// (the floor any compile pays), median of N runs after warm-up, and the very first compile of the process.
// Usage: node tools/benchmarks/kernel-compile-time.mjs [runs]
import { parse } from 'acorn';

const runs = Number(process.argv[2] ?? 200);

// 50 lines: loop helpers, shared memory, sync, atomics, integer and float arithmetic, Math, casts.
const fiftyLines = kernel(
  'fiftyLines',
  { n: u32, scale: f32, x: array(f32, 'in'), y: array(f32), hits: array(u32), codes: array(i32, 'out') },
  (acc, { n, scale, x, y, hits, codes }) => {
    const tile = acc.sharedArray('f32', 256);
    const counter = acc.sharedArray('u32', 1);
    if (acc.oncePerBlock()) counter[0] = 0;
    acc.syncBlockThreads();
    for (const group of acc.uniformGroups(n)) {
      for (const element of acc.uniformGroupElements(group, n)) {
        tile[element.local % 256] = x[element.global] * scale;
      }
      acc.syncBlockThreads();
      for (const element of acc.uniformGroupElements(group, n)) {
        const value = tile[element.local % 256];
        let adjusted = acc.f32(0);
        if (value > 1) {
          adjusted = Math.sqrt(value) + Math.log1p(value);
        } else if (value < -1) {
          adjusted = -Math.sqrt(-value);
        } else {
          adjusted = value * value * 0.5;
        }
        y[element.global] = adjusted + y[element.global];
        let code = acc.i32(adjusted * 16);
        code = (code << 2) ^ (code >> 1);
        code = code % 1024;
        codes[element.global] = code;
        if (code > 512) acc.atomicAdd(counter, 0, 1, 'block');
      }
      acc.syncBlockThreads();
    }
    let steps = 0;
    let state = n;
    while (state > 1 && steps < 64) {
      state = state % 2 === 0 ? Math.trunc(state / 2) : 3 * state + 1;
      steps++;
    }
    for (let i = 0; i < 4; i++) {
      if (i === 3) break;
      steps += i;
    }
    const blocks = acc.getWorkDiv('grid', 'blocks')[0];
    const first = acc.getIdx('grid', 'blocks')[0];
    const limit = Math.min(blocks, 16);
    if (acc.oncePerBlock() && first < limit) {
      acc.atomicAdd(hits, first, counter[0] + steps);
      acc.atomicMax(hits, 16, counter[0]);
    }
    acc.memFence('device');
  },
);

const lines = fiftyLines.source.split('\n').length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(body) {
  for (let warm = 0; warm < 20; warm++) body();
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    body();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const firstStarted = performance.now();
emitJavaScript(checkKernel(fiftyLines, { dimension: 1 }), 1);
const first = performance.now() - firstStarted;
const acornParse = time(() => parse(`(${fiftyLines.source})`, { ecmaVersion: 'latest', locations: true }));
const toJavaScript = time(() => emitJavaScript(checkKernel(fiftyLines, { dimension: 1 }), 1));
const toCuda = time(() => emitCpp(checkKernel(fiftyLines, { dimension: 1 }), 1, 'cuda'));
console.log(`kernel compile time, ${lines}-line kernel, median of ${runs} after warm-up, Node ${process.version}`);
console.log(`acorn parse alone:          ${acornParse.toFixed(3)} ms (reference)`);
console.log(
  `parse + check + emit JS:    ${toJavaScript.toFixed(3)} ms = ${(toJavaScript / acornParse).toFixed(1)}x acorn's parse (goal: under 5 ms)`,
);
console.log(
  `parse + check + emit CUDA:  ${toCuda.toFixed(3)} ms = ${(toCuda / acornParse).toFixed(1)}x acorn's parse (goal: under 5 ms)`,
);
console.log(`first compile in a fresh process (JS, cold JIT): ${first.toFixed(2)} ms`);
