// The alpaka layer's behaviour checked through a real backend, without a test framework: what
// packages/alpaka-core/test/alpaka checks on the mock accelerator, run on cuda_async on the GPU machine
// (run-alpaka-layer.mjs) and, to try the script itself, on the mock (run-alpaka-layer.mjs --mock). Each check
// prints PASS or FAIL with what it saw.
import {
  ActivityRegistry,
  createEventProcessor,
  ModuleRegistry,
  ParameterSet,
  registerBuiltInEventSetupModules,
  registerBuiltInModules,
} from '@alpaka-ts/core';
import { alpakaBackendRuntime } from '@alpaka-ts/core/alpaka';
import { moduleDescription, processDescription } from '../benchmarks/process-description.mjs';
import {
  CheckAnalyzer,
  CheckESProducer,
  CheckESReader,
  CheckProducer,
  CheckScaler,
  CheckSynchronizing,
  seen,
} from './alpaka-layer-check-modules.mjs';

const describe = moduleDescription;
const job = (modules, paths, { events = 8, streams = 1 } = {}) =>
  processDescription({ name: 'CHECK', modules, paths, events, streams });

async function run(description, activity = new ActivityRegistry()) {
  const registry = registerBuiltInModules(new ModuleRegistry());
  for (const moduleClass of [
    CheckProducer,
    CheckScaler,
    CheckSynchronizing,
    CheckAnalyzer,
    CheckESProducer,
    CheckESReader,
  ])
    registry.register(moduleClass);
  registerBuiltInEventSetupModules(registry);
  const processor = await createEventProcessor(description, { registry, activityRegistry: activity });
  await processor.beginJob();
  try {
    await processor.run();
  } finally {
    await processor.endJob();
  }
}

const results = [];
function check(name, passed, detail) {
  results.push({ name, passed });
  console.log(`${passed ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
}
function reset() {
  seen.queues.clear();
  seen.values.length = 0;
  seen.backendValues.length = 0;
  seen.emptyAtProduce.length = 0;
  seen.producerQueues.length = 0;
}

/** Runs every check on the backend; returns { passed, failed }. */
export async function runAlpakaLayerChecks(backendName, expectedBackendValue) {
  const runtime = await alpakaBackendRuntime(backendName);
  const prefix = `alpaka_${backendName}::`;
  const producer = (label, more) =>
    describe(label, `${prefix}CheckProducer`, 'EDProducer', (p) => {
      p.addParameter('size', 'int32', 100_000);
      more?.(p);
    });
  const scaler = (label, source, factor) =>
    describe(label, `${prefix}CheckScaler`, 'EDProducer', (p) =>
      p.addParameter('source', 'string', source).addParameter('factor', 'double', factor),
    );
  const analyzer = (label, source, factor) =>
    describe(label, 'CheckAnalyzer', 'EDAnalyzer', (p) =>
      p.addParameter('source', 'string', source).addParameter('factor', 'double', factor),
    );

  for (const streams of [1, 4]) {
    reset();
    let transforms = 0;
    const activity = new ActivityRegistry();
    activity.preModule.connect((context) => {
      if (context.kind === 'transformAcquire') transforms++;
    });
    await run(
      job(
        [producer('producer'), scaler('scaler', 'producer', 3), analyzer('analyzer', 'scaler', 3)],
        { p: ['producer', 'scaler', 'analyzer'] },
        { events: 16, streams },
      ),
      activity,
    );
    check(
      `pipeline values, ${streams} stream(s)`,
      seen.values.length === 16 && seen.values.every((wrong) => wrong === 0),
      `${seen.values.length} events analysed, wrong elements per event ${JSON.stringify(seen.values)}`,
    );
    check(
      `backend product, ${streams} stream(s)`,
      seen.backendValues.every((value) => value === expectedBackendValue),
      `values ${[...new Set(seen.backendValues)].join(',')} (expected ${expectedBackendValue})`,
    );
    check(
      `one device→host copy per event for the one host consumer, ${streams} stream(s)`,
      transforms === (runtime.productsAreHostProducts ? 0 : 16),
      `${transforms} implicit copies for 16 events`,
    );
    const reused = [...seen.queues.keys()]
      .filter((key) => key.startsWith('scaler:'))
      .every((key) => seen.queues.get(key) === seen.queues.get(key.replace('scaler:', 'producer:')));
    check(
      `the first consumer continues on the producer's queue, ${streams} stream(s)`,
      reused,
      reused ? 'same queue in every event' : 'a different queue',
    );
  }
  {
    reset();
    let transforms = 0;
    const activity = new ActivityRegistry();
    activity.preModule.connect((context) => {
      if (context.kind === 'transformAcquire') transforms++;
    });
    await run(job([producer('producer'), scaler('scaler', 'producer', 3)], { p: ['producer', 'scaler'] }), activity);
    check('no device→host copy without a host consumer', transforms === 0, `${transforms} implicit copies`);
  }
  {
    reset();
    await run(
      job(
        [
          producer('producer'),
          scaler('first', 'producer', 2),
          scaler('second', 'producer', 3),
          analyzer('a1', 'first', 2),
          analyzer('a2', 'second', 3),
        ],
        { p: ['producer', 'first', 'second', 'a1', 'a2'] },
      ),
    );
    const first = seen.queues.get('first:0:1');
    const second = seen.queues.get('second:0:1');
    const producerQueue = seen.queues.get('producer:0:1');
    check(
      'a second consumer gets its own queue and waits on the event',
      first === producerQueue && second !== producerQueue && seen.values.every((wrong) => wrong === 0),
      `first reuses: ${first === producerQueue}, second own queue: ${second !== producerQueue}, wrong ${JSON.stringify(seen.values)}`,
    );
  }
  {
    reset();
    const activity = new ActivityRegistry();
    const emptyAfter = [];
    activity.postModule.connect((context) => {
      if (context.moduleLabel === 'producer' && context.kind === 'event')
        emptyAfter.push(seen.producerQueues.at(-1).queue.isEmpty());
    });
    const synchronized = producer('producer', (p) =>
      p.addUntrackedParameter(
        'alpaka',
        'PSet',
        new ParameterSet()
          .addUntrackedParameter('backend', 'string', '')
          .addUntrackedParameter('synchronize', 'bool', true),
      ),
    );
    await run(job([synchronized, analyzer('analyzer', 'producer', 1)], { p: ['producer', 'analyzer'] }), activity);
    check(
      'synchronize: nothing outstanding on the queue after produce',
      emptyAfter.length === 8 && emptyAfter.every(Boolean),
      `queue empty after produce: ${JSON.stringify(emptyAfter)}`,
    );
  }
  reset();
  await run(
    job([describe('sync', `${prefix}CheckSynchronizing`, 'EDProducer'), analyzer('analyzer', 'sync', 1)], {
      p: ['sync', 'analyzer'],
    }),
  );
  check(
    'SynchronizingEDProducer: produce runs once the acquire queue is done',
    seen.emptyAtProduce.length === 8 && seen.emptyAtProduce.every(Boolean) && seen.values.every((wrong) => wrong === 0),
    `queue empty at produce: ${JSON.stringify(seen.emptyAtProduce)}`,
  );
  {
    reset();
    const activity = new ActivityRegistry();
    const outstanding = [];
    // At the end of each event (after the framework's end-of-event wait, before the stream takes its next event):
    // the queues this stream's modules used in it have finished.
    activity.postEvent.connect(({ stream, eventID }) => {
      const used = ['producer', 'scaler'].map((label) => seen.queues.get(`${label}:${stream}:${eventID.event}`));
      outstanding.push(used.filter((queue) => queue !== undefined && !queue.isEmpty()).length);
    });
    await run(
      job(
        [producer('producer'), scaler('scaler', 'producer', 3)],
        { p: ['producer', 'scaler'] },
        { events: 12, streams: 2 },
      ),
      activity,
    );
    check(
      'a stream ends an event only after its queue work is done',
      outstanding.length === 12 && outstanding.every((count) => count === 0),
      `busy queues at each event's end: ${JSON.stringify(outstanding)}`,
    );
  }
  {
    const esModules = [
      describe('checkRecord', 'EmptyESSource', 'ESSource', (p) =>
        p
          .addParameter('recordName', 'string', 'AlpakaLayerCheckRecord')
          .addParameter('firstValid', 'vuint32', [1])
          .addParameter('iovIsRunNotTime', 'bool', true),
      ),
      describe('checkES', `${prefix}CheckESProducer`, 'ESProducer'),
    ];
    for (const [what, esLabel, factor] of [
      ['the host ES product, copied to the device', '', 3],
      ["the device ES product, made on each device's queue", ':scaled', 1.5],
    ]) {
      reset();
      const reader = describe('reader', `${prefix}CheckESReader`, 'EDProducer', (p) =>
        p.addParameter('esLabel', 'string', esLabel).addParameter('factor', 'double', factor),
      );
      const description = {
        ...job([reader, analyzer('analyzer', 'reader', 3)], { p: ['reader', 'analyzer'] }, { events: 6, streams: 2 }),
        eventSetupModules: esModules,
      };
      await run(description);
      check(
        `EventSetup: ${what}, read through device::EventSetup`,
        seen.values.length === 6 && seen.values.every((wrong) => wrong === 0),
        `wrong elements per event ${JSON.stringify(seen.values)}`,
      );
    }
  }
  const failed = results.filter((result) => !result.passed).length;
  console.log(
    `alpaka layer on ${backendName} (${runtime.devices[0]}): ${results.length - failed} passed, ${failed} failed`,
  );
  return { passed: results.length - failed, failed };
}
