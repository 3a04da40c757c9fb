#!/usr/bin/env node
// Benchmark (issue 15: alpaka-core framework overhead): pixeltrack's trivial chain run by the BUILT package
// (packages/alpaka-core/dist): an empty module list, 10 producers each reading the previous int and putting the
// next, the same with ExternalWork producers (acquire reads, returns at once, the framework releases the holder),
// and 100 producers; at 1 and 4 streams. Per module per event = (time(case) - time(empty)) / (modules x events).
// Reference in the same run: the same chain written by hand (an array of functions over a slot array), called
// (i) synchronously and (ii) with one `await` per module. Memory: RSS after 10^4 and after 10^5 events of the
// 10-producer chain, in a fresh child process, after forced GCs.
// Usage: node --expose-gc tools/benchmarks/framework-overhead.mjs [events=100000] [repetitions=3] [warmup=10000]
// Prints a readable table and one JSON line (starting with {"benchmark":"framework-overhead").
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { moduleDescription } from './process-description.mjs';

const distUrl = new URL('../../packages/alpaka-core/dist/index.js', import.meta.url);
const core = await import(distUrl.href).catch((error) => {
  console.error(
    `Cannot load ${fileURLToPath(distUrl)} (${error.message}). Build it first: NX_SKIP_NX_CACHE=true npx pnpm nx run-many -t build --projects=@alpaka-ts/core`,
  );
  process.exit(1);
});
const { ActivityRegistry, ModuleRegistry, ParameterSet, createEventProcessor, productTypes, registerBuiltInModules } =
  core;
const { stream } = core;

const memoryMode = process.argv[2] === '--memory';
const numbers = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const events = Number(numbers[0] ?? 100000);
const repetitions = Number(numbers[1] ?? 3);
const warmup = Number(numbers[2] ?? 10000);
const gc = globalThis.gc ?? (() => {});

// ---- The trivial modules (CMSSW's IntProducer / AddIntsProducer), through the public API only. ----

/** What the last module of a chain checks: its int equals event number + (chain length - 1). */
const check = { events: 0, wrong: 0 };

/** The chain's head: puts the event number. */
class TrivialIntProducer extends stream.EDProducer {
  #put;
  constructor(parameters) {
    super(parameters);
    this.#put = this.produces(productTypes.int);
  }
  produce(event) {
    event.put(this.#put, event.id().event);
  }
}

/** Reads the previous int (`source`) and puts it plus one; `expect` > 0 on the last module checks the value. */
class TrivialAddIntProducer extends stream.EDProducer {
  #get;
  #put;
  #expect;
  constructor(parameters) {
    super(parameters);
    this.#get = this.consumes(productTypes.int, parameters.getParameter('source'));
    this.#put = this.produces(productTypes.int);
    this.#expect = parameters.getParameter('expect');
  }
  produce(event) {
    const value = event.get(this.#get) + 1;
    if (this.#expect > 0) countCheck(value - event.id().event === this.#expect);
    event.put(this.#put, value);
  }
}

/** ExternalWork head: acquire reads the event number and returns at once; produce puts it. */
class TrivialIntProducerExternalWork extends stream.EDProducerExternalWork {
  #put;
  #value = 0;
  constructor(parameters) {
    super(parameters);
    this.#put = this.produces(productTypes.int);
  }
  acquire(event) {
    this.#value = event.id().event;
  }
  produce(event) {
    event.put(this.#put, this.#value);
  }
}

/** ExternalWork link: acquire reads the previous int and returns at once (holder released by the framework). */
class TrivialAddIntProducerExternalWork extends stream.EDProducerExternalWork {
  #get;
  #put;
  #expect;
  #value = 0;
  constructor(parameters) {
    super(parameters);
    this.#get = this.consumes(productTypes.int, parameters.getParameter('source'));
    this.#put = this.produces(productTypes.int);
    this.#expect = parameters.getParameter('expect');
  }
  acquire(event) {
    this.#value = event.get(this.#get) + 1;
  }
  produce(event) {
    if (this.#expect > 0) countCheck(this.#value - event.id().event === this.#expect);
    event.put(this.#put, this.#value);
  }
}

function countCheck(right) {
  check.events++;
  if (!right) check.wrong++;
}

const registry = registerBuiltInModules(new ModuleRegistry());
for (const moduleClass of [
  TrivialIntProducer,
  TrivialAddIntProducer,
  TrivialIntProducerExternalWork,
  TrivialAddIntProducerExternalWork,
]) {
  registry.register(moduleClass);
}

// ---- ProcessDescriptions, built by hand (what a configuration amounts to). ----

/** `length` producers on one path (0: no module, no path), `externalWork` picking the ExternalWork classes. */
function chainProcess(length, externalWork, numberOfStreams) {
  const modules = new Map();
  const labels = [];
  for (let index = 0; index < length; index++) {
    const label = `m${index}`;
    const head = index === 0;
    const type = (head ? 'TrivialIntProducer' : 'TrivialAddIntProducer') + (externalWork ? 'ExternalWork' : '');
    modules.set(
      label,
      moduleDescription(label, type, 'EDProducer', (parameters) => {
        if (head) return;
        parameters.addParameter('source', 'string', `m${index - 1}`);
        parameters.addParameter('expect', 'int32', index === length - 1 ? index : 0);
      }),
    );
    labels.push(label);
  }
  const exceptionActions = { tryToContinue: [], skipEvent: [], failPath: [], ignoreCompletely: [], rethrow: [] };
  return {
    name: 'BENCH',
    source: moduleDescription('source', 'EmptySource', 'Source'),
    maxEvents: { input: -1 },
    options: {
      numberOfThreads: numberOfStreams,
      numberOfStreams,
      accelerators: ['*'],
      wantSummary: false,
      exceptionActions,
      parameters: new ParameterSet(),
    },
    modules,
    eventSetupModules: [],
    paths: length === 0 ? [] : [{ name: 'p', entries: labels.map((label) => ({ label, operator: 'normal' })) }],
    endPaths: [],
    unscheduledModules: [],
  };
}

async function startProcessor(length, externalWork, numberOfStreams) {
  const processor = await createEventProcessor(chainProcess(length, externalWork, numberOfStreams), {
    registry,
    activityRegistry: new ActivityRegistry(),
  });
  await processor.beginJob();
  if (processor.numberOfStreams !== numberOfStreams) {
    throw new Error(`asked for ${numberOfStreams} streams, got ${processor.numberOfStreams}`);
  }
  return processor;
}

async function processEvents(processor, count) {
  const result = await processor.run({ maxEvents: count });
  if (result.eventsProcessed !== count) throw new Error(`processed ${result.eventsProcessed} of ${count} events`);
}

// ---- Memory mode (the child process): RSS after 10^4, then after 10^5 events, same processor. ----

function memorySample() {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { rssMiB: usage.rss / 2 ** 20, heapUsedMiB: usage.heapUsed / 2 ** 20 };
}

if (memoryMode) {
  const processor = await startProcessor(10, false, 1);
  await processEvents(processor, events / 10);
  const after10k = memorySample();
  await processEvents(processor, events - events / 10);
  const after100k = memorySample();
  await processor.endJob();
  console.log(JSON.stringify({ events, after10k, after100k, check }));
  process.exit(0);
}

// ---- Timed cases, best of `repetitions` runs of `events` each, after `warmup` events, one processor each. ----

async function timeCase(length, externalWork, numberOfStreams, caseEvents) {
  const processor = await startProcessor(length, externalWork, numberOfStreams);
  const warmupStarted = performance.now();
  await processEvents(processor, warmup);
  const warmupMs = performance.now() - warmupStarted;
  const checkedBefore = check.events;
  let bestMs = Number.POSITIVE_INFINITY;
  for (let repetition = 0; repetition < repetitions; repetition++) {
    gc();
    const started = performance.now();
    await processEvents(processor, caseEvents);
    bestMs = Math.min(bestMs, performance.now() - started);
  }
  await processor.endJob();
  if (length > 1 && check.events - checkedBefore !== repetitions * caseEvents) {
    throw new Error(`the last module checked ${check.events - checkedBefore} events`);
  }
  if (check.wrong !== 0) throw new Error(`${check.wrong} events had the wrong int at the end of the chain`);
  return { bestMs, warmupMs };
}

// The hand-written reference: the same chain without the framework.
const referenceLength = 10;
const referenceModules = [(slots, event) => (slots[0] = event)];
for (let index = 1; index < referenceLength; index++) {
  referenceModules.push((slots) => (slots[index] = slots[index - 1] + 1));
}

function referenceSynchronous(count) {
  const slots = new Array(referenceLength).fill(0);
  let checksum = 0;
  for (let event = 1; event <= count; event++) {
    for (let index = 0; index < referenceLength; index++) referenceModules[index](slots, event);
    checksum += slots[referenceLength - 1];
  }
  return checksum;
}

async function referenceEventWithAwaits(slots, event) {
  for (let index = 0; index < referenceLength; index++) await referenceModules[index](slots, event);
  return slots[referenceLength - 1];
}

async function referenceAwaited(count) {
  const slots = new Array(referenceLength).fill(0);
  let checksum = 0;
  for (let event = 1; event <= count; event++) checksum += await referenceEventWithAwaits(slots, event);
  return checksum;
}

async function bestOf(body) {
  await body(warmup);
  let bestMs = Number.POSITIVE_INFINITY;
  for (let repetition = 0; repetition < repetitions; repetition++) {
    gc();
    const started = performance.now();
    const checksum = await body(events);
    bestMs = Math.min(bestMs, performance.now() - started);
    const expected = (events * (events + 1)) / 2 + events * (referenceLength - 1);
    if (checksum !== expected) throw new Error(`reference checksum ${checksum}, expected ${expected}`);
  }
  return bestMs;
}

const loadBefore = loadavg();
const startedAt = new Date();
const referenceSyncMs = await bestOf(referenceSynchronous);
const referenceAwaitMs = await bestOf(referenceAwaited);
const perModule = (ms) => (ms * 1000) / (referenceLength * events);
const reference = {
  synchronousUsPerModule: perModule(referenceSyncMs),
  awaitUsPerModule: perModule(referenceAwaitMs),
  bareAwaitUs: perModule(referenceAwaitMs - referenceSyncMs),
};

// The 100-module chain runs a tenth of the events (the same modules x events, so the same run time).
const cases = [
  { name: 'empty module list', length: 0, externalWork: false },
  { name: '10 producers', length: 10, externalWork: false },
  { name: '10 ExternalWork producers', length: 10, externalWork: true },
  { name: '100 producers', length: 100, externalWork: false, eventsDivisor: 10 },
];
const results = [];
for (const numberOfStreams of [1, 4]) {
  // The empty list runs first and again last, its best taken: measured only first, it would also carry the JIT
  // warm-up of the code every case shares (source, stream loop).
  const measured = [];
  for (const benchmarkCase of [...cases, cases[0]]) {
    const caseEvents = events / (benchmarkCase.eventsDivisor ?? 1);
    const timing = await timeCase(benchmarkCase.length, benchmarkCase.externalWork, numberOfStreams, caseEvents);
    measured.push({ benchmarkCase, caseEvents, ...timing });
  }
  const empty = measured.filter((entry) => entry.benchmarkCase.length === 0);
  const emptyUsPerEvent = Math.min(...empty.map((entry) => (entry.bestMs * 1000) / entry.caseEvents));
  for (const { benchmarkCase, caseEvents, bestMs, warmupMs } of measured.slice(0, cases.length)) {
    const empty = benchmarkCase.length === 0;
    const usPerEvent = empty ? emptyUsPerEvent : (bestMs * 1000) / caseEvents;
    const usPerModule = empty ? null : (usPerEvent - emptyUsPerEvent) / benchmarkCase.length;
    results.push({
      case: benchmarkCase.name,
      streams: numberOfStreams,
      modules: benchmarkCase.length,
      events: caseEvents,
      bestMs: (usPerEvent * caseEvents) / 1000,
      usPerEvent,
      eventsPerSecond: 1e6 / usPerEvent,
      usPerModulePerEvent: usPerModule,
      ratioToAwaitReference: usPerModule === null ? null : usPerModule / reference.awaitUsPerModule,
      // The first `warmup` events of a fresh processor, while V8 still compiles the hot path (short jobs pay it).
      warmupUsPerEvent: (warmupMs * 1000) / warmup,
    });
  }
}

// Memory, in a fresh process so the timed cases' heap does not count.
const memoryOutput = execFileSync(
  process.execPath,
  ['--expose-gc', fileURLToPath(import.meta.url), '--memory', String(events)],
  { encoding: 'utf8' },
);
const memoryRaw = JSON.parse(memoryOutput.trim().split('\n').at(-1));
const memory = { ...memoryRaw, rssRatio: memoryRaw.after100k.rssMiB / memoryRaw.after10k.rssMiB };
const loadAfter = loadavg();

// ---- Output ----

const format = (value, digits = 3) => (value === null ? '' : value.toFixed(digits));
console.log(
  `framework overhead, @alpaka-ts/core dist, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
);
console.log(
  `${events} events per case after ${warmup} warm-up events, best of ${repetitions}; load average before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, after ${loadAfter.map((v) => v.toFixed(2)).join(' ')}${globalThis.gc ? '' : ' (run with --expose-gc for GCs between runs and the memory figures)'}`,
);
console.log('');
console.log(
  `| case | streams | events | µs per event | events/s | µs per module per event | / await reference | µs per event, first ${warmup} events |`,
);
console.log('|---|---|---|---|---|---|---|---|');
for (const result of results) {
  console.log(
    `| ${result.case} | ${result.streams} | ${result.events} | ${format(result.usPerEvent, 2)} | ${Math.round(result.eventsPerSecond)} | ${format(result.usPerModulePerEvent)} | ${result.ratioToAwaitReference === null ? '' : `${format(result.ratioToAwaitReference, 2)}×`} | ${format(result.warmupUsPerEvent, 2)} |`,
  );
}
console.log(
  `| reference by hand, synchronous calls | 1 | ${events} | ${format((referenceSyncMs * 1000) / events, 3)} | ${Math.round((events * 1000) / referenceSyncMs)} | ${format(reference.synchronousUsPerModule)} | | |`,
);
console.log(
  `| reference by hand, one await per module | 1 | ${events} | ${format((referenceAwaitMs * 1000) / events, 3)} | ${Math.round((events * 1000) / referenceAwaitMs)} | ${format(reference.awaitUsPerModule)} | 1× | |`,
);
console.log('');
console.log(`bare await per module (await reference - synchronous reference): ${format(reference.bareAwaitUs)} µs`);
console.log(
  `memory, 10-producer chain, 1 stream, fresh process: RSS ${format(memory.after10k.rssMiB, 1)} MiB after ${events / 10} events, ${format(memory.after100k.rssMiB, 1)} MiB after ${events}: ratio ${format(memory.rssRatio)} (goal ≤ 1.05); heap used ${format(memory.after10k.heapUsedMiB, 1)} → ${format(memory.after100k.heapUsedMiB, 1)} MiB`,
);
const oneStream = (name) => results.find((result) => result.case === name && result.streams === 1);
const producers = oneStream('10 producers').usPerModulePerEvent;
const externalWork = oneStream('10 ExternalWork producers').usPerModulePerEvent;
const goals = {
  producersAtOneStream: { usPerModulePerEvent: producers, goal: 0.5, met: producers <= 0.5 },
  externalWorkAtOneStream: { usPerModulePerEvent: externalWork, goal: 1, met: externalWork <= 1 },
  memory: { rssRatio: memory.rssRatio, goal: 1.05, met: memory.rssRatio <= 1.05 },
};
console.log(
  `goals: 10 producers at 1 stream ${format(producers)} µs/module/event (≤ 0.5: ${goals.producersAtOneStream.met ? 'met' : 'missed'}); ExternalWork ${format(externalWork)} (≤ 1: ${goals.externalWorkAtOneStream.met ? 'met' : 'missed'}); memory ${format(memory.rssRatio)} (≤ 1.05: ${goals.memory.met ? 'met' : 'missed'}). Context: CMSSW's trivial "hyper fast" configuration ran 33 000 events/s on one thread.`,
);
console.log(
  JSON.stringify({
    benchmark: 'framework-overhead',
    date: startedAt.toISOString(),
    node: process.version,
    cores: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    events,
    warmup,
    repetitions,
    best: 'minimum over repetitions',
    results,
    reference: { ...reference, synchronousMs: referenceSyncMs, awaitMs: referenceAwaitMs },
    memory,
    goals,
  }),
);
