import { beforeEach, describe, expect, it } from 'vitest';
import type { ConstEvent, Event } from '../../src/event/event';
import type { EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { TestProcessor, TestProcessorConfig } from '../../src/testing/index';
import { makeProcess, makeRegistry } from './make-process';

const counters = { inFlight: 0, maxInFlight: 0, streamConstructions: 0, globalConstructions: 0 };
const calls: string[] = [];

/** acquire waits on a timer (released from the timer callback through a holder copy). */
class TimerAcquirer extends stream.EDProducerExternalWork {
  readonly #token: EDPutToken<number>;
  #fromAcquire = 0;
  constructor(parameters: ParameterSet) {
    super(parameters);
    counters.streamConstructions++;
    this.#token = this.produces(productTypes.int);
  }
  acquire(event: ConstEvent, _eventSetup: unknown, holder: WaitingTaskWithArenaHolder): void {
    calls.push(`acquire:${event.id().event}`);
    counters.inFlight++;
    counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
    this.#fromAcquire = event.id().event * 10;
    const copy = holder.copy();
    setTimeout(() => {
      counters.inFlight--;
      copy.doneWaiting();
    }, 5);
  }
  produce(event: Event): void {
    calls.push(`produce:${event.id().event}`);
    event.put(this.#token, this.#fromAcquire);
  }
}

class GlobalCounter extends global.EDAnalyzer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    counters.globalConstructions++;
  }
  analyze(): void {}
}

/** acquire fails through the holder (doneWaiting(error)), so produce must not run. */
class FailingAcquirer extends global.EDProducerExternalWork {
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.produces(productTypes.int);
  }
  acquire(_stream: number, _event: ConstEvent, _eventSetup: unknown, holder: WaitingTaskWithArenaHolder): void {
    const copy = holder.copy();
    setTimeout(() => copy.doneWaiting(new Error('device said no')), 1);
  }
  produce(): void {
    calls.push('produce of FailingAcquirer');
  }
}

/** acquire returns a promise; produce runs after it settles. */
class PromiseAcquirer extends stream.EDProducerExternalWork {
  readonly #token = this.produces(productTypes.int);
  #value = 0;
  async acquire(event: ConstEvent): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.#value = event.id().event;
  }
  produce(event: Event): void {
    event.put(this.#token, this.#value);
    calls.push(`promise-produce:${this.#value}`);
  }
}

beforeEach(() => {
  Object.assign(counters, { inFlight: 0, maxInFlight: 0, streamConstructions: 0, globalConstructions: 0 });
  calls.length = 0;
});

const registry = () => makeRegistry(TimerAcquirer, GlobalCounter, FailingAcquirer, PromiseAcquirer);

describe('streams and ExternalWork', () => {
  it('keeps four acquires in flight with four streams, one stream module per stream, one global module', async () => {
    const description = makeProcess({
      maxEvents: 12,
      numberOfThreads: 4,
      numberOfStreams: 0,
      modules: { timer: { type: 'TimerAcquirer' }, counter: { type: 'GlobalCounter', edmType: 'EDAnalyzer' } },
      paths: { p: ['timer', 'counter'] },
    });
    const activity = new ActivityRegistry();
    const moduleCalls: string[] = [];
    activity.preModule.connect((context) => moduleCalls.push(`${context.kind}:${context.moduleLabel}`));
    const processor = await createEventProcessor(description, { registry: registry(), activityRegistry: activity });
    expect(processor.numberOfStreams).toBe(4);
    await processor.beginJob();
    const result = await processor.run();
    await processor.endJob();
    expect(result).toEqual({ eventsProcessed: 12, sourceExhausted: true });
    expect(counters.maxInFlight).toBe(4);
    expect(counters.streamConstructions).toBe(4);
    expect(counters.globalConstructions).toBe(1);
    // Every event: acquire, then produce, exactly once each.
    for (let event = 1; event <= 12; event++) {
      expect(calls.filter((call) => call === `acquire:${event}`)).toHaveLength(1);
      expect(calls.indexOf(`produce:${event}`)).toBeGreaterThan(calls.indexOf(`acquire:${event}`));
    }
    expect(moduleCalls.filter((call) => call === 'acquire:timer')).toHaveLength(12);
    expect(moduleCalls.filter((call) => call === 'event:timer')).toHaveLength(12);
    expect(moduleCalls.filter((call) => call === 'event:counter')).toHaveLength(12);
  });

  it('fails the event with the error passed to doneWaiting and never calls produce', async () => {
    const tester = await TestProcessor.create(
      new TestProcessorConfig({ module: { type: FailingAcquirer, label: 'bad' } }),
    );
    const failure = await tester.test().catch((error: unknown) => error);
    await tester.testEndJob();
    expect(failure).toMatchObject({ category: 'StdException', exitCode: 8002 });
    expect((failure as Error).message).toBe('A std::exception was thrown.\ndevice said no');
    expect((failure as { contexts: string[] }).contexts).toEqual([
      'Processing  Event run: 1 lumi: 1 event: 1 stream: 0',
      "Running path '_test_path'",
      "Calling method for module FailingAcquirer/'bad'",
    ]);
    expect(calls).not.toContain('produce of FailingAcquirer');
  });

  it('runs produce after a promise-returning acquire settles', async () => {
    const description = makeProcess({
      maxEvents: 3,
      numberOfStreams: 2,
      modules: { p1: { type: 'PromiseAcquirer' } },
      paths: { p: ['p1'] },
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await processor.beginJob();
    await processor.run();
    await processor.endJob();
    expect(calls.sort()).toEqual(['promise-produce:1', 'promise-produce:2', 'promise-produce:3']);
  });
});
