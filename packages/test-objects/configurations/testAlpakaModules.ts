// HeterogeneousCore/AlpakaTest/test/testAlpakaModules_cfg.py: every kind of alpaka module (global, stream,
// synchronizing producers, ES producers with labels, device caches, implicit copies, null ES products) on the
// backend the options choose, each product checked by a host analyzer or a device consumer.
//   alpaka-run testAlpakaModules.ts [-- --accelerators=cpu --moduleBackend=serial_sync --expectBackend=serial_sync …]
import { cms, type Module, type Process } from '@alpaka-ts/core';
import {
  backendTypeName,
  expectedBackend,
  type PerBackend,
  parseAlpakaTestArguments,
  valueOn,
} from './alpaka-test-arguments';
import { alpakaTestProcess, recordSource } from './alpaka-test-process';

// The values the modules below are configured with; the analyzers' expectations are computed from them.
const esValues = { A: 42, B: 314159, C: 27 } as const;
const intProductValue = 42;
const globalSize: PerBackend<number> = { alpaka_serial_sync: 10, alpaka_cuda_async: 20, alpaka_rocm_async: 30 };
const streamSize: PerBackend<number> = { alpaka_serial_sync: 5, alpaka_cuda_async: 25, alpaka_rocm_async: 125 };
const streamInstanceSize: PerBackend<number> = { alpaka_serial_sync: 6, alpaka_cuda_async: 36, alpaka_rocm_async: 216 };
const toDeviceSize: PerBackend<number> = { alpaka_serial_sync: 1, alpaka_cuda_async: 2, alpaka_rocm_async: 3 };
const copyToDeviceCacheUpdate = { x: 3, y: 4, z: 5 } as const;
const moveToDeviceCacheUpdate = { x: 32, y: 42, z: 52 } as const;
/** TestAlpakaESProducerE's product has 5 rows (val = |C value| + 2i, ind = i % 2, over data val2 = {1, 11}). */
const esERows = 5;

const sizePSet = (values: PerBackend<number>) =>
  cms.PSet({
    alpaka_serial_sync: cms.int32(values.alpaka_serial_sync),
    alpaka_cuda_async: cms.int32(values.alpaka_cuda_async),
    alpaka_rocm_async: cms.int32(values.alpaka_rocm_async),
  });

export default async function testAlpakaModules(): Promise<Process> {
  const args = parseAlpakaTestArguments('testAlpakaModules', 'Test various Alpaka module types');
  const { process, accelerator } = alpakaTestProcess(args, 10);

  process.alpakaESRecordASource = recordSource('AlpakaESTestRecordA');
  process.alpakaESRecordBSource = recordSource('AlpakaESTestRecordB');
  process.alpakaESRecordCSource = recordSource('AlpakaESTestRecordC');

  process.esProducerA = cms.ESProducer('cms::alpakatest::TestESProducerA', { value: cms.int32(esValues.A) });
  process.esProducerB = cms.ESProducer('cms::alpakatest::TestESProducerB', { value: cms.int32(esValues.B) });
  process.esProducerC = cms.ESProducer('cms::alpakatest::TestESProducerC', { value: cms.int32(esValues.C) });

  const alpaka: Record<string, Module> = {};
  alpaka.alpakaESProducerA = cms.ESProducer('TestAlpakaESProducerA@alpaka', {
    appendToDataLabel: cms.string('appendedLabel'),
  });
  alpaka.alpakaESProducerB = cms.ESProducer('TestAlpakaESProducerB@alpaka', {
    explicitLabel: cms.string('explicitLabel'),
  });
  alpaka.alpakaESProducerC = cms.ESProducer('TestAlpakaESProducerC@alpaka');
  alpaka.alpakaESProducerD = cms.ESProducer('TestAlpakaESProducerD@alpaka', {
    srcA: cms.ESInputTag('', 'appendedLabel'),
    srcB: cms.ESInputTag('', 'explicitLabel'),
  });
  alpaka.alpakaESProducerE = cms.ESProducer('TestAlpakaESProducerE@alpaka');
  alpaka.alpakaESProducerNull = cms.ESProducer('TestAlpakaESProducerNull@alpaka', {
    appendToDataLabel: cms.string('null'),
  });
  alpaka.alpakaESProducerAMulti = cms.ESProducer('TestAlpakaESProducerAMulti@alpaka', {
    appendToDataLabel: cms.string('appendedLabel'),
  });

  process.intProduct = cms.EDProducer('IntProducer', { ivalue: cms.int32(intProductValue) });
  alpaka.alpakaGlobalProducer = cms.EDProducer('TestAlpakaGlobalProducer@alpaka', {
    eventSetupSource: cms.ESInputTag('alpakaESProducerA', 'appendedLabel'),
    eventSetupSourceMulti: cms.ESInputTag('alpakaESProducerAMulti', 'appendedLabel'),
    size: sizePSet(globalSize),
  });
  alpaka.alpakaGlobalProducerE = cms.EDProducer('TestAlpakaGlobalProducerE@alpaka', {
    source: cms.InputTag('alpakaGlobalProducer'),
  });
  alpaka.alpakaGlobalProducerCopyToDeviceCache = cms.EDProducer('TestAlpakaGlobalProducerCopyToDeviceCache@alpaka', {
    source: cms.InputTag('alpakaGlobalProducer'),
    x: cms.int32(copyToDeviceCacheUpdate.x),
    y: cms.int32(copyToDeviceCacheUpdate.y),
    z: cms.int32(copyToDeviceCacheUpdate.z),
  });
  alpaka.alpakaGlobalProducerMoveToDeviceCache = cms.EDProducer('TestAlpakaGlobalProducerMoveToDeviceCache@alpaka', {
    source: cms.InputTag('alpakaGlobalProducer'),
    x: cms.int32(moveToDeviceCacheUpdate.x),
    y: cms.int32(moveToDeviceCacheUpdate.y),
    z: cms.int32(moveToDeviceCacheUpdate.z),
  });
  alpaka.alpakaGlobalProducerImplicitCopyToDevice = cms.EDProducer(
    'TestAlpakaGlobalProducerImplicitCopyToDevice@alpaka',
  );
  alpaka.alpakaStreamProducer = cms.EDProducer('TestAlpakaStreamProducer@alpaka', {
    source: cms.InputTag('intProduct'),
    eventSetupSource: cms.ESInputTag('alpakaESProducerB', 'explicitLabel'),
    size: sizePSet(streamSize),
  });
  alpaka.alpakaStreamInstanceProducer = cms.EDProducer('TestAlpakaStreamProducer@alpaka', {
    source: cms.InputTag('intProduct'),
    eventSetupSource: cms.ESInputTag('alpakaESProducerB', 'explicitLabel'),
    productInstanceName: cms.string('testInstance'),
    size: sizePSet(streamInstanceSize),
  });
  alpaka.alpakaStreamSynchronizingProducer = cms.EDProducer('TestAlpakaStreamSynchronizingProducer@alpaka', {
    source: cms.InputTag('alpakaGlobalProducer'),
    intSource: cms.InputTag('intProduct'),
    expectedInt: cms.int32(intProductValue + esValues.A), // the sum of intProduct and esProducerA
  });
  alpaka.alpakaStreamSynchronizingProducerToDevice = cms.EDProducer(
    'TestAlpakaStreamSynchronizingProducerToDevice@alpaka',
    { size: sizePSet(toDeviceSize) },
  );

  // What the analyzers expect on the backend that runs.
  const backend = await expectedBackend(args, accelerator);
  const expectBackend = cms.string(backendTypeName(backend));
  const globalRows = valueOn(globalSize, backend);
  const consumer = (source: string, rows: number, expectXvalues?: readonly number[]) =>
    cms.EDAnalyzer('TestAlpakaAnalyzer', {
      source: cms.InputTag(source),
      expectSize: cms.int32(rows),
      expectBackend,
      ...(expectXvalues === undefined ? {} : { expectXvalues: cms.vdouble(...expectXvalues) }),
    });
  // GlobalProducerE adds E's val + val2 to the first 5 rows: (i % 2)·10 + 1 + |27| + 2i; the rest stay 0.
  const xWithE = Array.from({ length: globalRows }, (_, i) =>
    i < esERows ? (i % 2) * 10 + 1 + Math.abs(esValues.C) + 2 * i : 0,
  );
  process.alpakaGlobalConsumer = consumer('alpakaGlobalProducer', globalRows);
  alpaka.alpakaGlobalDeviceConsumer = cms.EDProducer('TestAlpakaGlobalProducerNoOutput@alpaka', {
    source: cms.InputTag('alpakaGlobalProducer'),
  });
  process.alpakaGlobalConsumerE = consumer('alpakaGlobalProducerE', globalRows, xWithE);
  process.alpakaGlobalConsumerCopyToDeviceCache = consumer(
    'alpakaGlobalProducerCopyToDeviceCache',
    globalRows,
    new Array<number>(globalRows).fill(copyToDeviceCacheUpdate.x),
  );
  process.alpakaGlobalConsumerMoveToDeviceCache = consumer(
    'alpakaGlobalProducerMoveToDeviceCache',
    globalRows,
    new Array<number>(globalRows).fill(moveToDeviceCacheUpdate.x),
  );
  alpaka.alpakaGlobalConsumerImplicitCopyToDevice = cms.EDProducer('TestAlpakaVerifyObjectOnDevice@alpaka', {
    source: cms.InputTag('alpakaGlobalProducerImplicitCopyToDevice'),
  });
  alpaka.alpakaGlobalConsumerImplicitCopyToDeviceInstance = cms.EDProducer('TestAlpakaVerifyObjectOnDevice@alpaka', {
    source: cms.InputTag('alpakaGlobalProducerImplicitCopyToDevice', 'instance'),
  });
  process.alpakaStreamConsumer = consumer('alpakaStreamProducer', valueOn(streamSize, backend));
  alpaka.alpakaStreamDeviceConsumer = alpaka.alpakaGlobalDeviceConsumer.clone({
    source: cms.InputTag('alpakaStreamProducer'),
  });
  process.alpakaStreamInstanceConsumer = cms.EDAnalyzer('TestAlpakaAnalyzer', {
    source: cms.InputTag('alpakaStreamInstanceProducer', 'testInstance'),
    expectSize: cms.int32(valueOn(streamInstanceSize, backend)),
    expectBackend,
  });
  // The synchronizing producer copies alpakaGlobalProducer's collections to the host: the same sizes.
  process.alpakaStreamSynchronizingConsumer = consumer('alpakaStreamSynchronizingProducer', globalRows);
  alpaka.alpakaStreamSynchronizingProducerToDeviceDeviceConsumer1 = alpaka.alpakaGlobalDeviceConsumer.clone({
    source: cms.InputTag('alpakaStreamSynchronizingProducerToDevice'),
  });
  alpaka.alpakaStreamSynchronizingProducerToDeviceDeviceConsumer2 =
    alpaka.alpakaStreamSynchronizingProducerToDeviceDeviceConsumer1.clone();
  alpaka.alpakaNullESConsumer = cms.EDProducer('TestAlpakaGlobalProducerNullES@alpaka', {
    eventSetupSource: cms.ESInputTag('', 'null'),
  });

  // The options that choose the backend and synchronize, on every alpaka module, as CMSSW's loop over them.
  for (const [label, module] of Object.entries(alpaka)) {
    const settings = {
      ...(args.moduleBackend === '' ? {} : { backend: cms.untracked.string(args.moduleBackend) }),
      ...(args.moduleSynchronize ? { synchronize: cms.untracked.bool(true) } : {}),
    };
    if (Object.keys(settings).length > 0) module.alpaka = cms.untracked.PSet(settings);
    process[label] = module;
  }

  process.t = cms.Task(
    process.intProduct,
    process.alpakaGlobalProducer,
    process.alpakaGlobalProducerE,
    process.alpakaGlobalProducerCopyToDeviceCache,
    process.alpakaGlobalProducerMoveToDeviceCache,
    process.alpakaGlobalProducerImplicitCopyToDevice,
    process.alpakaStreamProducer,
    process.alpakaStreamInstanceProducer,
    process.alpakaStreamSynchronizingProducer,
    process.alpakaStreamSynchronizingProducerToDevice,
  );
  process.p = cms.Path(
    process.alpakaGlobalConsumer,
    process.alpakaGlobalDeviceConsumer,
    process.alpakaGlobalConsumerE,
    process.alpakaGlobalConsumerCopyToDeviceCache,
    process.alpakaGlobalConsumerMoveToDeviceCache,
    process.alpakaGlobalConsumerImplicitCopyToDevice,
    process.alpakaGlobalConsumerImplicitCopyToDeviceInstance,
    process.alpakaStreamConsumer,
    process.alpakaStreamDeviceConsumer,
    process.alpakaStreamInstanceConsumer,
    process.alpakaStreamSynchronizingConsumer,
    process.alpakaStreamSynchronizingProducerToDeviceDeviceConsumer1,
    process.alpakaStreamSynchronizingProducerToDeviceDeviceConsumer2,
    process.alpakaNullESConsumer,
    process.t,
  );
  // CMSSW's PoolOutputModule of testAlpaka.root waits for the Arrow output module (its own issue).
  return process;
}
