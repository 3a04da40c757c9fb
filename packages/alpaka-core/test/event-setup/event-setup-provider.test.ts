import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDescription } from '../../src/configuration/process-description';
import { isFrameworkError } from '../../src/errors/framework-error';
import { ESGetToken } from '../../src/event-setup/es-get-token';
import { createEventSetupProvider } from '../../src/event-setup/event-setup-provider-maker';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import {
  calls,
  emptySource,
  makeRegistry,
  pendingWork,
  producer,
  RecordA,
  RecordB,
  RecordC,
  RecordWithoutSource,
  syncValue,
  TestESProduct,
} from './event-setup-test-modules';

const tokenA = new ESGetToken(RecordA, TestESProduct, new ESInputTag(), 0);
const tokenB = new ESGetToken(RecordB, TestESProduct, new ESInputTag(), 1);
const tokenC = new ESGetToken(RecordC, TestESProduct, new ESInputTag(), 0);

function provider(modules: readonly ModuleDescription[]) {
  return createEventSetupProvider(modules, makeRegistry());
}

/**
 * What get() throws for a token nothing delivers: as CMSSW's esPrefetchAsync, the prefetch skips it (and
 * resolves), and the read says why.
 */
async function getFailure(
  eventSetup: { prefetch(tokens: ESGetToken[]): Promise<void> | undefined; get(token: ESGetToken): unknown },
  token: ESGetToken,
): Promise<unknown> {
  await eventSetup.prefetch([token]);
  try {
    eventSetup.get(token);
  } catch (error) {
    return error;
  }
  throw new Error('expected get() to throw');
}

async function rejection(promise: Promise<void> | undefined): Promise<unknown> {
  expect(promise).toBeInstanceOf(Promise);
  return (promise as Promise<void>).then(
    () => {
      throw new Error('expected the prefetch to reject');
    },
    (error: unknown) => error,
  );
}

beforeEach(() => {
  calls.length = 0;
  pendingWork.length = 0;
});

describe('IOVs and when ESProducers run', () => {
  it('runs a producer of an EmptyESSource record with firstValid=[1,3] twice over runs 1-4: for run 1 and at run 3', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1, 3]), producer('TestESProducer', 'a')]);
    const seen: (number | undefined)[] = [];
    for (const run of [1, 2, 3, 4]) {
      for (const event of [1, 2]) {
        const eventSetup = setup.eventSetupFor(syncValue(run, event));
        await eventSetup.prefetch([tokenA]);
        seen.push(eventSetup.get(tokenA).firstRun);
      }
    }
    expect(calls).toEqual(['a@1', 'a@3']);
    expect(seen).toEqual([1, 1, 1, 1, 3, 3, 3, 3]);
  });

  it('gives consecutive events of the same IOVs one EventSetup whose prefetch of made products returns undefined', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1]), producer('TestESProducer', 'a')]);
    const first = setup.eventSetupFor(syncValue(1, 1));
    expect(first.prefetch([tokenA])).toBeUndefined(); // a synchronous producer completes in line
    for (let event = 2; event < 50; event++) {
      const eventSetup = setup.eventSetupFor(syncValue(1 + (event % 3), event));
      expect(eventSetup).toBe(first);
      expect(eventSetup.prefetch([tokenA])).toBeUndefined();
    }
    expect(calls).toEqual(['a@1']);
  });

  it('reruns a producer of a dependent record when either parent IOV changes, over the intersection of their IOVs', async () => {
    const setup = await provider([
      emptySource('sourceA', 'ESTestRecordA', [1, 3]),
      emptySource('sourceB', 'ESTestRecordB', [1, 2]),
      producer('TestESProducer', 'a', { value: 10, record: 'A' }),
      producer('TestESProducer', 'b', { value: 100, record: 'B' }),
      producer('TestDependentESProducer', 'c', { record: 'C' }),
    ]);
    const values: number[] = [];
    for (const run of [1, 2, 3, 4]) {
      const eventSetup = setup.eventSetupFor(syncValue(run));
      await eventSetup.prefetch([tokenC]);
      values.push(eventSetup.get(tokenC).value);
    }
    // c's IOVs: [1,1] (both parents start at 1), [2,2] (B changes at 2, A ends before 3), [3,end] (A changes).
    expect(calls.filter((call) => call.startsWith('c@'))).toEqual(['c@1', 'c@2', 'c@3']);
    expect(calls.filter((call) => !call.startsWith('c@')).sort()).toEqual(['a@1', 'a@3', 'b@1', 'b@2']);
    expect(values).toEqual([110, 110, 110, 110]);
  });

  it('keeps the products of an IOV for the events still using it while later events get the new IOV', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1, 3]), producer('TestESProducer', 'a')]);
    const streamOne = setup.eventSetupFor(syncValue(2));
    expect(streamOne.prefetch([tokenA])).toBeUndefined();
    const streamTwo = setup.eventSetupFor(syncValue(3));
    expect(streamTwo).not.toBe(streamOne);
    expect(streamTwo.prefetch([tokenA])).toBeUndefined();
    expect(streamOne.get(tokenA).firstRun).toBe(1);
    expect(streamTwo.get(tokenA).firstRun).toBe(3);
    expect(streamOne.prefetch([tokenA])).toBeUndefined();
    expect(calls).toEqual(['a@1', 'a@3']);
  });

  it('makes the products again after endJob, for a processor that runs again', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1]), producer('TestESProducer', 'a')]);
    await setup.beginJob();
    const before = setup.eventSetupFor(syncValue(1));
    expect(before.prefetch([tokenA])).toBeUndefined();
    await setup.endJob();
    const after = setup.eventSetupFor(syncValue(1, 2));
    expect(after).not.toBe(before);
    expect(after.prefetch([tokenA])).toBeUndefined();
    expect(calls).toEqual(['a@1', 'a@1']);
  });

  it('is lazy: a producer whose product nobody consumes never runs', async () => {
    const setup = await provider([
      emptySource('sourceA', 'ESTestRecordA', [1]),
      emptySource('sourceB', 'ESTestRecordB', [1]),
      producer('TestESProducer', 'a', { record: 'A' }),
      producer('TestESProducer', 'b', { record: 'B' }),
    ]);
    for (const run of [1, 2]) await setup.eventSetupFor(syncValue(run)).prefetch([tokenB]);
    expect(calls).toEqual(['b@1']);
  });

  it('uses timestamps when iovIsRunNotTime is false: each start opens an IOV that ends just before the next', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [10, 20], false),
      producer('TestESProducer', 'a'),
    ]);
    expect(setup.eventSetupFor(syncValue(1, 1, 5n)).hasRecord(RecordA)).toBe(false);
    const atTen = setup.eventSetupFor(syncValue(1, 2, 10n));
    expect(atTen.hasRecord(RecordA)).toBe(true);
    expect(setup.eventSetupFor(syncValue(1, 3, 19n))).toBe(atTen);
    expect(setup.eventSetupFor(syncValue(1, 4, 20n))).not.toBe(atTen);
  });
});

describe("CMSSW's EventSetup errors", () => {
  it('rejects a prefetch before the first IOV with the NoRecord message for a delivered record', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [2]), producer('TestESProducer', 'a')]);
    const eventSetup = setup.eventSetupFor(syncValue(1, 7, 42n));
    expect(eventSetup.hasRecord(RecordA)).toBe(false);
    const error = await getFailure(eventSetup, tokenA);
    expect(isFrameworkError(error) && error.category).toBe('NoRecord');
    expect((error as Error).message).toBe(
      'No "ESTestRecordA" record found in the EventSetup for synchronization value\n' +
        'Run: 1 LuminosityBlock: 1 Event: 7 Time: 42\n' +
        ' The Record is delivered by an ESSource or ESProducer but there is no valid IOV for the synchronization value.\n' +
        ' Please check \n' +
        '   a) if the synchronization value is reasonable and report to the hypernews if it is not.\n' +
        '   b) else check that all ESSources have been properly configured. \n',
    );
    expect(() => eventSetup.get(tokenA)).toThrow('No "ESTestRecordA" record found');
    expect(calls).toEqual([]);
  });

  it('asks for an ESSource or ESProducer when nothing in the job delivers the record', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1])]);
    const token = new ESGetToken(RecordWithoutSource, TestESProduct, new ESInputTag(), 0);
    const error = await getFailure(setup.eventSetupFor(syncValue(3, 4)), token);
    expect((error as Error).message).toBe(
      'No "ESTestRecordWithoutSource" record found in the EventSetup for synchronization value\n' +
        'Run: 3 LuminosityBlock: 1 Event: 4 Time: 0\n' +
        ' Please add an ESSource or ESProducer that delivers such a record.\n',
    );
    expect(isFrameworkError(error) && error.exitCode).toBe(8001);
  });

  it('names type, record and label when no module produces the product', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1]), producer('TestESProducer', 'a')]);
    const token = new ESGetToken(RecordA, TestESProduct, new ESInputTag('', 'other'), 0);
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const error = await getFailure(eventSetup, token);
    expect(isFrameworkError(error) && error.category).toBe('NoProductResolverException');
    expect((error as Error).message).toBe(
      'Cannot find EventSetup module to produce data of type "TestESProduct" in\nrecord "ESTestRecordA" with product label "other".\nPlease add an ESSource or ESProducer to your job which can deliver this data.\n',
    );
    expect(() => eventSetup.get(token)).toThrow(
      'Cannot find EventSetup module to produce data of type "TestESProduct"',
    );
  });

  it('says the module label does not match when a module with another label delivers the data', async () => {
    const setup = await provider([emptySource('source', 'ESTestRecordA', [1]), producer('TestESProducer', 'a')]);
    const token = new ESGetToken(RecordA, TestESProduct, new ESInputTag('b', ''), 0);
    const error = await getFailure(setup.eventSetupFor(syncValue(1)), token);
    expect((error as Error).message).toContain(
      'ESInputTag in the configuration also requires a specific module label.',
    );
  });

  it('adds the ES module context to what a producer throws, rejects every later prefetch of the IOV, and does not rerun it', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1]),
      producer('TestThrowingESProducer', 'thrower'),
    ]);
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const error = await rejection(eventSetup.prefetch([tokenA]));
    expect(isFrameworkError(error)).toBe(true);
    if (!isFrameworkError(error)) return;
    expect(error.category).toBe('StdException');
    expect(error.message).toBe('A std::exception was thrown.\ncalibration file is corrupt');
    expect(error.contexts).toEqual(["Calling method for EventSetup module TestThrowingESProducer/'thrower'"]);
    // Every later prefetch or get of the IOV fails alike, each with its own copy for the caller to add context to.
    error.addContext('Processing  Event run: 1 lumi: 1 event: 1 stream: 0');
    const again = await rejection(setup.eventSetupFor(syncValue(1, 2)).prefetch([tokenA]));
    expect(again).not.toBe(error);
    expect(isFrameworkError(again) && again.contexts).toEqual([
      "Calling method for EventSetup module TestThrowingESProducer/'thrower'",
    ]);
    expect(isFrameworkError(again) && again.exitCode).toBe(8002);
    expect(() => eventSetup.get(tokenA)).toThrow('calibration file is corrupt');
    expect(calls).toEqual(['thrower@1']);
  });

  it("adds the dependent producer's Prefetching context when a product it reads fails", async () => {
    const setup = await provider([
      emptySource('sourceA', 'ESTestRecordA', [1]),
      emptySource('sourceB', 'ESTestRecordB', [1]),
      producer('TestThrowingESProducer', 'thrower'),
      producer('TestESProducer', 'b', { record: 'B' }),
      producer('TestDependentESProducer', 'c', { record: 'C' }),
    ]);
    const error = await rejection(setup.eventSetupFor(syncValue(1)).prefetch([tokenC]));
    expect(isFrameworkError(error) && error.contexts).toEqual([
      "Prefetching for EventSetup module TestDependentESProducer/'c'",
      "Calling method for EventSetup module TestThrowingESProducer/'thrower'",
    ]);
    expect(calls).not.toContain('c@1');
  });
});

describe('labels and ESInputTag selection', () => {
  it('appends appendToDataLabel to the label the producer registers', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1]),
      producer('TestESProducer', 'a', { label: 'calib', appendToDataLabel: 'V2', value: 7 }),
    ]);
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const appended = new ESGetToken(RecordA, TestESProduct, new ESInputTag('', 'calibV2'), 0);
    expect(eventSetup.prefetch([appended])).toBeUndefined();
    expect(eventSetup.get(appended).value).toBe(7);
    const plain = new ESGetToken(RecordA, TestESProduct, new ESInputTag('', 'calib'), 0);
    expect(eventSetup.prefetch([plain])).toBeUndefined(); // nothing to prefetch: it is skipped
    expect(() => eventSetup.get(plain)).toThrow('with product label "calib".');
  });

  it('selects by module label, and refuses an empty module label that two producers match, naming both', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1]),
      producer('TestESProducer', 'first', { value: 1 }),
      producer('TestESProducer', 'second', { value: 2 }),
    ]);
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const second = new ESGetToken(RecordA, TestESProduct, new ESInputTag('second', ''), 0);
    expect(eventSetup.prefetch([second])).toBeUndefined();
    expect(eventSetup.get(second).value).toBe(2);
    const error = await rejection(eventSetup.prefetch([tokenA]));
    expect((error as Error).message).toContain("TestESProducer/'first' and TestESProducer/'second'");
    expect(isFrameworkError(error) && error.category).toBe('Configuration');
    expect(calls).toEqual(['second@1']);
  });
});

describe('asynchronous production', () => {
  it('waits for a producer that returns a promise, and runs it once for two streams prefetching at once', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1]),
      producer('TestAsyncESProducer', 'async'),
    ]);
    const streamOne = setup.eventSetupFor(syncValue(1, 1));
    const streamTwo = setup.eventSetupFor(syncValue(1, 2));
    const first = streamOne.prefetch([tokenA]);
    const second = streamTwo.prefetch([tokenA]);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    expect(() => streamOne.get(tokenA)).toThrow('is still being made');
    await Promise.resolve();
    expect(pendingWork).toHaveLength(1);
    pendingWork[0]?.resolve(5);
    await Promise.all([first, second]);
    expect(streamOne.get(tokenA)).toBe(streamTwo.get(tokenA));
    expect(streamTwo.get(tokenA).value).toBe(5);
    expect(calls).toEqual(['async@1']);
    expect(streamTwo.prefetch([tokenA])).toBeUndefined();
  });

  it('runs produce only after the work acquire started has finished, with what acquire returned', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1, 2]),
      producer('TestAcquiringESProducer', 'acq'),
    ]);
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const prefetched = eventSetup.prefetch([tokenA]);
    expect(calls).toEqual(['acquire@1']);
    await Promise.resolve();
    expect(calls).toEqual(['acquire@1']);
    pendingWork[0]?.resolve(21);
    await prefetched;
    expect(calls).toEqual(['acquire@1', 'produce@1']);
    expect(eventSetup.get(tokenA).value).toBe(42);
  });

  it('rejects every waiter with the rejection of acquire, with the module context', async () => {
    const setup = await provider([
      emptySource('source', 'ESTestRecordA', [1]),
      producer('TestAcquiringESProducer', 'acq'),
    ]);
    const one = setup.eventSetupFor(syncValue(1, 1)).prefetch([tokenA]);
    const two = setup.eventSetupFor(syncValue(1, 2)).prefetch([tokenA]);
    pendingWork[0]?.reject(new Error('device lost'));
    const [errorOne, errorTwo] = await Promise.all([rejection(one), rejection(two)]);
    expect(errorOne).not.toBe(errorTwo);
    expect(isFrameworkError(errorTwo) && errorTwo.message).toBe('A std::exception was thrown.\ndevice lost');
    expect(isFrameworkError(errorOne) && errorOne.contexts).toEqual([
      "Calling method for EventSetup module TestAcquiringESProducer/'acq'",
    ]);
    expect(calls).toEqual(['acquire@1']);
  });
});
