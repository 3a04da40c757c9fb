#!/usr/bin/env node
// Where an event's time goes in the alpaka pipeline benchmark on cuda_async (or --mock): the framework's module
// calls and event boundaries from the ActivityRegistry, the direct pipeline's steps, as medians in µs over the
// events of one run. Bundled with bundle-for-gpu.mjs; on the GPU machine:
//   /tmp/node --expose-gc .gpu/bundle/dist/cuda-alpaka-timeline.mjs [events=1000] [size=1000000]
import { cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { ActivityRegistry } from '@alpaka-ts/core';
import { alpakaBackendRuntime, registerBackendIdentity } from '@alpaka-ts/core/alpaka';
import { registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { runDirect, runFramework } from '../benchmarks/alpaka-pipeline-benchmark.mjs';

const mock = process.argv.includes('--mock');
const [events = 1000, size = 1_000_000] = process.argv
  .slice(2)
  .filter((argument) => !argument.startsWith('--'))
  .map(Number);
let backendName = 'cuda_async';
if (mock) {
  backendName = 'mock_async';
  registerBackend(createMockAcceleratorBackend({ name: backendName, kernelRunner: serialKernelRunner }));
  registerBackendIdentity(backendName, { value: 100, typeSuffix: 'MockAsync' });
} else {
  const probe = cudaBackend.probe();
  if (!probe.available) {
    console.log(`cuda_async: UNAVAILABLE: ${probe.reason}`);
    process.exit(2);
  }
  registerBackend(cudaBackend);
}
const now = () => Number(process.hrtime.bigint()) / 1000;
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Medians of the steps between consecutive marks, in the order the marks came, over every event. */
function summarise(perEvent) {
  const steps = new Map();
  for (const marks of perEvent) {
    for (let index = 1; index < marks.length; index++) {
      const [previous, at] = [marks[index - 1], marks[index]];
      const name = `${previous.what} → ${at.what}`;
      if (!steps.has(name)) steps.set(name, []);
      steps.get(name).push(at.time - previous.time);
    }
  }
  const mean = (values) => values.reduce((total, value) => total + value, 0) / values.length;
  return [...steps].map(
    ([name, values]) =>
      `  ${median(values).toFixed(1).padStart(8)} µs median ${mean(values).toFixed(1).padStart(8)} µs mean  ${name} (${values.length})`,
  );
}

async function frameworkTimeline() {
  const activity = new ActivityRegistry();
  const byEvent = new Map();
  const mark = (event, what) => {
    if (!byEvent.has(event)) byEvent.set(event, []);
    byEvent.get(event).push({ what, time: now() });
  };
  activity.preEvent.connect((context) => mark(context.eventID.event, 'preEvent'));
  activity.postEvent.connect((context) => mark(context.eventID.event, 'postEvent'));
  activity.preModule.connect((context) => {
    if (context.eventID) mark(context.eventID.event, `pre ${context.moduleLabel}.${context.kind}`);
  });
  activity.postModule.connect((context) => {
    if (context.eventID) mark(context.eventID.event, `post ${context.moduleLabel}.${context.kind}`);
  });
  globalThis.gc?.();
  const seconds = await runFramework(backendName, size, events, 1, activity);
  const ordered = [...byEvent.keys()].toSorted((a, b) => a - b).map((event) => byEvent.get(event));
  // The gap from one event's postEvent to the next one's preEvent.
  const gaps = [];
  for (let index = 1; index < ordered.length; index++) {
    const last = ordered[index - 1].at(-1);
    const first = ordered[index][0];
    if (last && first) gaps.push(first.time - last.time);
  }
  console.log(`framework, 1 stream: ${((seconds / events) * 1e6).toFixed(1)} µs per event`);
  for (const line of summarise(ordered.slice(Math.floor(events / 4)))) console.log(line);
  console.log(`  ${median(gaps).toFixed(1).padStart(8)} µs median  postEvent → next preEvent`);
}

async function directTimeline() {
  const runtime = await alpakaBackendRuntime(backendName);
  const perEvent = [];
  let current = [];
  const mark = (_stream, what) => {
    if (what === 'start') {
      current = [];
      perEvent.push(current);
    }
    current.push({ what, time: now() });
  };
  globalThis.gc?.();
  const seconds = await runDirect(runtime, size, events, 1, mark);
  const gaps = [];
  for (let index = 1; index < perEvent.length; index++)
    gaps.push(perEvent[index][0].time - perEvent[index - 1].at(-1).time);
  console.log(`direct, 1 stream: ${((seconds / events) * 1e6).toFixed(1)} µs per event`);
  for (const line of summarise(perEvent.slice(Math.floor(events / 4)))) console.log(line);
  console.log(`  ${median(gaps).toFixed(1).padStart(8)} µs  checked → next start`);
}

console.log(`alpaka pipeline timeline on ${backendName}, ${size} elements, ${events} events`);
await runFramework(backendName, size, 50, 1);
await directTimeline();
await frameworkTimeline();
await directTimeline();
await frameworkTimeline();
