// The alpaka-layer benchmark (issue 16, BENCHMARKS.md): a pipeline of alpaka producers against the same work
// driven directly through the backend API, in one process, on whatever backend the caller registered.
//   producer  (alpaka global::EDProducer): a 10^6-element portable collection, kernel 1 fills it;
//   transform (alpaka stream::EDProducer, the device consumer): a second collection, kernel 2 reads the first
//             into it, kernel 3 updates it in place;
//   analyzer  (host EDAnalyzer): reads the host form of the second collection, which makes the framework run
//             the implicit device→host copy on accelerators, and checks three elements.
// The direct pipeline does the same per event: the same allocations (collectionFor, a pinned host collection for
// the copy), the same three launches, one memcpy, one queue.wait(), the same checks, with one queue per stream.
// Both run `streams` concurrent event loops on the one JavaScript thread. Throughput is events per second over
// the timed events; the figure is the framework's throughput / the direct one's, median of interleaved rounds.

import { PerformanceObserver } from 'node:perf_hooks';
import {
  ActivityRegistry,
  createEventProcessor,
  global as hostGlobal,
  ModuleRegistry,
  registerBuiltInModules,
} from '@alpaka-ts/core';
import { alpakaBackendRuntime, alpakaProductType, global, stream } from '@alpaka-ts/core/alpaka';
import { divideUpBy, f32, kernel, makeWorkDiv, memcpy, u32, view } from '@alpaka-ts/interface';
import { collectionFor, PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';
import { moduleDescription, processDescription } from './process-description.mjs';

export const Tracks = defineLayout('BenchmarkTracks', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'column', name: 'y', elementType: f32 },
]);
const TracksCollection = alpakaProductType(PortableHostCollection, PortableDeviceCollection);

const fillTracks = kernel('benchPipelineFill', { tracks: view(Tracks, 'out'), n: u32 }, (acc, { tracks, n }) => {
  for (const i of acc.uniformElements(n)) {
    tracks.x[i] = acc.f32(i);
    tracks.y[i] = acc.f32(0.5) * i;
  }
});
const combineTracks = kernel(
  'benchPipelineCombine',
  { input: view(Tracks, 'in'), output: view(Tracks, 'out'), n: u32 },
  (acc, { input, output, n }) => {
    for (const i of acc.uniformElements(n)) {
      output.x[i] = acc.f32(2) * input.x[i] + input.y[i];
      output.y[i] = input.y[i];
    }
  },
);
const updateTracks = kernel('benchPipelineUpdate', { tracks: view(Tracks), n: u32 }, (acc, { tracks, n }) => {
  for (const i of acc.uniformElements(n)) tracks.y[i] = tracks.x[i] + tracks.y[i];
});

const threadsPerBlock = 256;
const divisionFor = (accelerator, n) => makeWorkDiv(accelerator, divideUpBy(n, threadsPerBlock), threadsPerBlock);

/** What both pipelines check on the host: x = 2.5 k and y = 3 k at three indices (exact in f32 below 2^22). */
const checks = { events: 0, wrong: 0 };
function checkTracks(tracks) {
  const { x, y } = tracks.constView().columns;
  const n = tracks.size;
  for (const k of [0, n >> 1, n - 1]) if (x[k] !== 2.5 * k || y[k] !== 3 * k) checks.wrong += 1;
  checks.events += 1;
}

class BenchmarkTrackProducer extends global.EDProducer {
  #token = this.produces(TracksCollection);
  #size;
  constructor(parameters) {
    super(parameters);
    this.#size = parameters.getParameter('size');
  }
  produce(_streamID, event) {
    const queue = event.queue();
    const tracks = collectionFor(queue, Tracks, this.#size);
    void queue.exec(divisionFor(this.runtime.accelerator(), this.#size), fillTracks, {
      tracks: tracks.view(),
      n: this.#size,
    });
    event.put(this.#token, tracks);
  }
}

class BenchmarkTrackTransformer extends stream.EDProducer {
  #input;
  #output = this.produces(TracksCollection);
  constructor(parameters) {
    super(parameters);
    this.#input = this.consumes(TracksCollection, 'producer');
  }
  produce(event) {
    const input = event.get(this.#input);
    const queue = event.queue();
    const output = collectionFor(queue, Tracks, input.size);
    const division = divisionFor(this.runtime.accelerator(), input.size);
    void queue.exec(division, combineTracks, { input: input.constView(), output: output.view(), n: input.size });
    void queue.exec(division, updateTracks, { tracks: output.view(), n: input.size });
    event.put(this.#output, output);
  }
}

class BenchmarkTrackAnalyzer extends hostGlobal.EDAnalyzer {
  #input;
  constructor(parameters) {
    super(parameters);
    this.#input = this.consumes(PortableHostCollection, 'transformer');
  }
  analyze(_streamID, event) {
    checkTracks(event.get(this.#input));
  }
}

function pipelineDescription(backendName, size, events, streams) {
  const prefix = `alpaka_${backendName}::`;
  return processDescription({
    name: 'BENCH',
    modules: [
      moduleDescription('producer', `${prefix}BenchmarkTrackProducer`, 'EDProducer', (p) =>
        p.addParameter('size', 'int32', size),
      ),
      moduleDescription('transformer', `${prefix}BenchmarkTrackTransformer`, 'EDProducer'),
      moduleDescription('analyzer', 'BenchmarkTrackAnalyzer', 'EDAnalyzer'),
    ],
    paths: { p: ['producer', 'transformer', 'analyzer'] },
    events,
    streams,
  });
}

/** Runs `events` events through the framework; returns the seconds of run() alone. */
export async function runFramework(backendName, size, events, streams, activityRegistry = new ActivityRegistry()) {
  const registry = registerBuiltInModules(new ModuleRegistry());
  registry.register(BenchmarkTrackProducer).register(BenchmarkTrackTransformer).register(BenchmarkTrackAnalyzer);
  const processor = await createEventProcessor(pipelineDescription(backendName, size, events, streams), {
    registry,
    activityRegistry,
  });
  await processor.beginJob();
  const start = performance.now();
  await processor.run();
  const seconds = (performance.now() - start) / 1000;
  await processor.endJob();
  return seconds;
}

/**
 * The same work without the framework: `streams` loops, each with its queue, taking events from one counter.
 * `mark(stream, what)`, when given, is called at each step (the timeline tool times them).
 */
export async function runDirect(runtime, size, events, streams, mark = undefined) {
  let next = 0;
  const loop = async (streamID) => {
    const queue = runtime.chooseDevice(streamID).createQueue();
    while (next < events) {
      next += 1;
      mark?.(streamID, 'start');
      // The work divisions are made per event, as the modules make them.
      const input = collectionFor(queue, Tracks, size);
      void queue.exec(divisionFor(runtime.accelerator(), size), fillTracks, { tracks: input.view(), n: size });
      const output = collectionFor(queue, Tracks, size);
      const division = divisionFor(runtime.accelerator(), size);
      void queue.exec(division, combineTracks, { input: input.constView(), output: output.view(), n: size });
      void queue.exec(division, updateTracks, { tracks: output.view(), n: size });
      let onHost = output;
      if (!queue.device.isHost) {
        onHost = new PortableHostCollection(Tracks, size, queue);
        memcpy(queue, onHost.buffer, output.buffer);
        mark?.(streamID, 'enqueued');
        await queue.wait();
        mark?.(streamID, 'waited');
      }
      checkTracks(onHost);
      mark?.(streamID, 'checked');
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: streams }, (_, streamID) => loop(streamID)));
  return (performance.now() - start) / 1000;
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs both pipelines `rounds` times, interleaved, after one warm-up of each (kernel compilation, allocator
 * caches). Returns the figures per streams count.
 */
export async function runPipelineBenchmark({
  backendName,
  size = 1_000_000,
  events,
  rounds = 5,
  streamCounts = [1, 4],
  allocationCounts = () => 0,
}) {
  const runtime = await alpakaBackendRuntime(backendName);
  const results = [];
  // Memory goes back to the caching allocators when its buffers are collected: a collection before each run
  // starts both pipelines from the same allocator state (when the process runs with --expose-gc).
  const collect = globalThis.gc ?? (() => {});
  let collecting = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collecting += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const measured = async (run) => {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    const before = allocationCounts();
    collecting = 0;
    const seconds = await run();
    await new Promise((resolve) => setImmediate(resolve));
    return {
      eventsPerSecond: events / seconds,
      allocations: allocationCounts() - before,
      gcShare: collecting / 1000 / seconds,
    };
  };
  for (const streams of streamCounts) {
    const warmup = Math.max(4, streams * 2, Math.ceil(events / 4));
    await runFramework(backendName, size, warmup, streams);
    await runDirect(runtime, size, warmup, streams);
    const framework = [];
    const direct = [];
    checks.events = 0;
    checks.wrong = 0;
    const allocations = { framework: 0, direct: 0 };
    const gcShares = { framework: [], direct: [] };
    for (let round = 0; round < rounds; round++) {
      const plain = await measured(() => runDirect(runtime, size, events, streams));
      const framed = await measured(() => runFramework(backendName, size, events, streams));
      direct.push(plain.eventsPerSecond);
      framework.push(framed.eventsPerSecond);
      allocations.direct += plain.allocations;
      gcShares.direct.push(plain.gcShare);
      gcShares.framework.push(framed.gcShare);
      allocations.framework += framed.allocations;
    }
    const ratios = framework.map((value, index) => value / direct[index]);
    results.push({
      streams,
      frameworkEventsPerSecond: median(framework),
      directEventsPerSecond: median(direct),
      ratio: median(ratios),
      ratios,
      driverAllocations: allocations,
      garbageCollectionShare: { framework: median(gcShares.framework), direct: median(gcShares.direct) },
      checkedEvents: checks.events,
      wrongEvents: checks.wrong,
    });
  }
  observer.disconnect();
  return {
    benchmark: 'alpaka-pipeline',
    queuesCreated: runtime.queueCache.createdCount,
    eventsCreated: runtime.eventCache.createdCount,
    backend: backendName,
    device: String(runtime.devices[0]),
    size,
    events,
    rounds,
    results,
  };
}

/** The table and JSON line both entry scripts print. */
export function printPipelineResults(report) {
  console.log(
    `alpaka pipeline on ${report.backend} (${report.device}), ${report.size} elements, ${report.events} events x ${report.rounds} rounds`,
  );
  console.log('streams  framework ev/s  direct ev/s  ratio (median)  ratios');
  for (const row of report.results) {
    console.log(
      `${String(row.streams).padStart(7)}  ${row.frameworkEventsPerSecond.toFixed(1).padStart(14)}  ${row.directEventsPerSecond.toFixed(1).padStart(11)}  ${row.ratio.toFixed(3).padStart(14)}  ${row.ratios.map((ratio) => ratio.toFixed(3)).join(' ')}`,
    );
    console.log(
      `  time in garbage collection (median): framework ${(100 * row.garbageCollectionShare.framework).toFixed(1)}%, direct ${(100 * row.garbageCollectionShare.direct).toFixed(1)}%`,
    );
    if (row.driverAllocations.framework + row.driverAllocations.direct > 0)
      console.log(
        `  driver allocations over the rounds: framework ${row.driverAllocations.framework}, direct ${row.driverAllocations.direct}`,
      );
    if (row.wrongEvents > 0) console.log(`  WRONG VALUES in ${row.wrongEvents} of ${row.checkedEvents} checks`);
  }
  console.log(JSON.stringify(report));
}
