import { cms, type Process } from '@alpaka-ts/core';
import { loadBackend } from '@alpaka-ts/interface';
import type { MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestAlpakaESProducerA } from '../src/es-producers/test-alpaka-es-producer-a';
import { TestAlpakaESProducerAMulti } from '../src/es-producers/test-alpaka-es-producer-a-multi';
import { TestAlpakaESProducerB } from '../src/es-producers/test-alpaka-es-producer-b';
import { TestAlpakaESProducerC } from '../src/es-producers/test-alpaka-es-producer-c';
import { TestAlpakaESProducerD } from '../src/es-producers/test-alpaka-es-producer-d';
import { TestAlpakaESProducerE } from '../src/es-producers/test-alpaka-es-producer-e';
import { TestAlpakaESProducerNull } from '../src/es-producers/test-alpaka-es-producer-null';
import { TestESProducerA, TestESProducerB, TestESProducerC } from '../src/es-producers/test-es-producers';
import { addEventSetup, addRecordSources, failure, registerMockBackend, registry, run, testProcess } from './es-jobs';
import { ESDataReader, esReadings, HostESDataReader, resetReadings } from './es-readers';

const moduleRegistry = () =>
  registry(
    TestESProducerA,
    TestESProducerB,
    TestESProducerC,
    TestAlpakaESProducerA,
    TestAlpakaESProducerAMulti,
    TestAlpakaESProducerB,
    TestAlpakaESProducerC,
    TestAlpakaESProducerD,
    TestAlpakaESProducerE,
    TestAlpakaESProducerNull,
    ESDataReader,
    HostESDataReader,
  );

/** One reader per product (`what`, ESInputTag), in one path. */
function readingJob(
  backend: string,
  reads: Record<string, readonly [string, string]>,
  options: {
    events?: number;
    eventsInRun?: number;
    streams?: number;
    firstValid?: Parameters<typeof addRecordSources>[1];
  } = {},
): Process {
  const process = testProcess(options.events ?? 2, options.eventsInRun, options.streams);
  addRecordSources(process, options.firstValid);
  addEventSetup(process, backend);
  const p = process as unknown as Record<string, unknown>;
  const labels = Object.keys(reads);
  for (const [label, [what, tag]] of Object.entries(reads)) {
    p[label] = cms.EDProducer(`alpaka_${backend}::ESDataReader`, { what: cms.string(what), tag: cms.string(tag) });
  }
  process.p = cms.Path(...labels.map((label) => p[label] as Parameters<typeof cms.Path>[0]));
  return process;
}

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).join(',');
const expectedA = `z=${range(10, (i) => 42 - i)}`;
const expectedAMulti = `z=${range(10, (i) => 42 - i)} x=42..141(100)`;
const expectedB = `b=${range(5, (i) => i + 314159)}`;
const expectedC = `x=${range(5, (i) => 27 - i)}`;
const expectedD = `y=${range(5, (i) => 42 - i + i + 314159)}`;
const expectedE = 'val2=1,11 ind=0,1,0,1,0 view=27/1,29/11,31/1,33/11,35/1';

beforeAll(async () => {
  await loadBackend('serial_sync');
});
beforeEach(resetReadings);

type Backend = { readonly name: string; readonly mock?: MockAcceleratorBackend };
const backends: readonly [string, () => Backend][] = [
  ['serial_sync', () => ({ name: 'serial_sync' })],
  [
    'the mock accelerator',
    () => {
      const mock = registerMockBackend();
      return { name: mock.name, mock };
    },
  ],
];

describe.each(backends)('the ES producers on %s', (_name, backendOf) => {
  it('make CMSSW’s values, read on the device and back, by record and label', async () => {
    const { name: backend, mock } = backendOf();
    await run(
      readingJob(backend, {
        readA: ['A', ':appendedLabel'],
        readAMulti: ['AMulti', ':appendedLabel'],
        readB: ['B', ':explicitLabel'],
        readC: ['C', ''],
        readD: ['D', ''],
        readE: ['E', ''],
      }),
      moduleRegistry(),
    );
    const values = esReadings.map((line) => line.replace(/#\d+/, ''));
    const perEvent = [
      `readA:A:${expectedA}`,
      `readAMulti:AMulti:${expectedAMulti}`,
      `readB:B:${expectedB}`,
      `readC:C:${expectedC}`,
      `readD:D:${expectedD}`,
      `readE:E:${expectedE}`,
    ];
    expect(values).toEqual([...perEvent, ...perEvent]);
    expect(expectedD).toBe('y=314201,314201,314201,314201,314201');
    if (mock !== undefined) {
      // A, AMulti, B, C and E's two collections reach the device by the implicit copies, once for the IOV;
      // D is made there by its kernel.
      expect(mock.statistics().hostToDeviceCopies).toBe(6);
      expect(mock.statistics().launches).toBe(1);
    }
  });

  it('makes D again when A’s IOV changes, and B, C and D’s values stay', async () => {
    const backend = backendOf().name;
    const job = readingJob(
      backend,
      { readD: ['D', ''], readB: ['B', ':explicitLabel'], readC: ['C', ''] },
      { events: 4, eventsInRun: 1, firstValid: { A: [1, 3] } },
    );
    await run(job, moduleRegistry());
    const ids = (label: string) =>
      esReadings.filter((line) => line.startsWith(`${label}:`)).map((l) => l.split(/[#:]/)[2]);
    const [d1, d2, d3, d4] = ids('readD');
    expect(d1).toBe(d2);
    expect(d3).not.toBe(d2);
    expect(d3).toBe(d4);
    expect(new Set(ids('readB')).size).toBe(1);
    expect(new Set(ids('readC')).size).toBe(1);
    expect(esReadings.filter((line) => line.startsWith('readD:')).every((line) => line.endsWith(expectedD))).toBe(true);
  });

  it('makes D again when B’s IOV changes, not when C’s does', async () => {
    const backend = backendOf().name;
    const job = readingJob(
      backend,
      { readD: ['D', ''], readC: ['C', ''] },
      { events: 4, eventsInRun: 1, firstValid: { B: [1, 2], C: [1, 4] } },
    );
    await run(job, moduleRegistry());
    const ids = (label: string) =>
      esReadings.filter((line) => line.startsWith(`${label}:`)).map((l) => l.split(/[#:]/)[2]);
    const d = ids('readD');
    expect(d[0]).not.toBe(d[1]);
    expect(d[1]).toBe(d[2]);
    expect(d[2]).toBe(d[3]);
    const c = ids('readC');
    expect(c[2]).not.toBe(c[3]);
  });

  it('has no product under another label: B without explicitLabel is NoProductResolverException', async () => {
    const backend = backendOf().name;
    const { category, message } = await failure(run(readingJob(backend, { readB: ['B', ''] }), moduleRegistry()));
    expect(category).toBe('NoProductResolverException');
    expect(message).toContain('in\nrecord "AlpakaESTestRecordB" with product label "".');
  });

  it.each([
    ['A', 'AlpakaESTestRecordA'],
    ['CInD', 'AlpakaESTestRecordD'],
  ])('makes the Null producer’s %s missing: reading it is a MakeDataException', async (what, record) => {
    const backend = backendOf().name;
    const { category, message } = await failure(run(readingJob(backend, { read: [what, ':null'] }), moduleRegistry()));
    expect(category).toBe('MakeDataException');
    expect(message).toContain(`"null" in Record ${record}`);
  });
});

describe('the ES producers on an accelerator with two devices', () => {
  it('copy A and B to each device and run D’s kernel once per device; each stream reads its device’s D', async () => {
    const mock = registerMockBackend(2);
    await run(readingJob(mock.name, { readD: ['D', ''] }, { events: 6, streams: 2 }), moduleRegistry());
    expect(esReadings).toHaveLength(6);
    expect(esReadings.every((line) => line.endsWith(expectedD))).toBe(true);
    // Two D products, one per device, each made by a kernel on its device from that device's copies of A and B.
    expect(new Set(esReadings.map((line) => line.split(/[#:]/)[2])).size).toBe(2);
    expect(mock.statistics(0).launches).toBe(1);
    expect(mock.statistics(1).launches).toBe(1);
    expect(mock.statistics(0).hostToDeviceCopies).toBe(2);
    expect(mock.statistics(1).hostToDeviceCopies).toBe(2);
  });
});

describe('the host ES producers', () => {
  it('put their value into records A, B and C', async () => {
    const process = testProcess(1);
    addRecordSources(process);
    addEventSetup(process, 'serial_sync');
    process.reader = cms.EDAnalyzer('HostESDataReader');
    process.p = cms.Path(process.reader);
    await run(process, moduleRegistry());
    expect(esReadings).toEqual(['reader:42,314159,27']);
  });

  it('require `value`', async () => {
    const process = testProcess(1);
    addRecordSources(process);
    (process as unknown as Record<string, unknown>).esProducerA = cms.ESProducer('TestESProducerA');
    const { category, message } = await failure(run(process, moduleRegistry()));
    expect(category).toBe('Configuration');
    expect(message).toContain(
      'Missing required parameter.  It should have label "value" and have type "tracked int32".',
    );
  });
});
