import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import type { EDGetToken, EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { AddIntProducer, IntAnalyzer, IntProducer, journal, ThrowingProducer } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

let constructed: string[] = [];
const transformCalls: string[] = [];

class Constructed extends global.EDProducer {
  readonly #token = this.produces(productTypes.int);
  constructor(parameters: ParameterSet) {
    super(parameters);
    constructed.push(this.moduleLabel);
  }
  produce(_stream: number, event: Event): void {
    journal.push(`${this.moduleLabel}:${event.id().event}`);
    event.put(this.#token, 7);
  }
}

/** Puts an int and registers transforms to a string (sync) and to a doubled int (async, through a timer). */
class Transforming extends stream.EDProducer {
  readonly #token: EDPutToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#token = this.produces(productTypes.int);
    this.registerTransform(
      this.#token,
      productTypes.string,
      (value) => {
        transformCalls.push(`string:${value}`);
        return `value ${value}`;
      },
      'text',
    );
    this.registerTransformAsync(
      this.#token,
      productTypes.int,
      (value: number, holder: WaitingTaskWithArenaHolder) => {
        transformCalls.push(`pre:${value}`);
        const copy = holder.copy();
        setTimeout(() => copy.doneWaiting(), 1);
        return value * 2;
      },
      (cache: number) => {
        transformCalls.push(`post:${cache}`);
        return cache;
      },
      'doubled',
    );
  }
  produce(event: Event): void {
    event.put(this.#token, 21);
  }
}

class StringAnalyzer extends global.EDAnalyzer {
  readonly #token: EDGetToken<string>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#token = this.consumes(productTypes.string, parameters.getParameter<string>('source'));
  }
  analyze(_stream: number, event: Event): void {
    journal.push(`read ${event.get(this.#token)}`);
  }
}

const registry = () =>
  makeRegistry(IntProducer, AddIntProducer, IntAnalyzer, Constructed, Transforming, StringAnalyzer, ThrowingProducer);

beforeEach(() => {
  journal.length = 0;
  constructed = [];
  transformCalls.length = 0;
});

describe('unscheduled modules (Tasks)', () => {
  it('runs a Task module when its product is prefetched, before the consumer, once per event', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: {
        made: { type: 'Constructed' },
        first: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'made'),
        },
        second: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'made'),
        },
        unused: { type: 'Constructed' },
      },
      paths: { p: ['first'], q: ['second'] },
      tasks: ['made', 'unused'],
    });
    await runProcess(description, registry());
    expect(journal).toEqual(['made:1', 'first=7', 'second=7', 'made:2', 'first=7', 'second=7']);
    expect(constructed).toEqual(['made']);
  });

  it("adds the Prefetching context to an unscheduled module's error", async () => {
    const description = makeProcess({
      maxEvents: 1,
      modules: {
        thrower: { type: 'ThrowingProducer' },
        reader: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'thrower'),
        },
      },
      paths: { p: ['reader'] },
      tasks: ['thrower'],
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await processor.beginJob();
    const failure = (await processor.run().catch((error: unknown) => error)) as { contexts: string[] };
    await processor.endJob();
    expect(failure.contexts).toEqual([
      'Processing  Event run: 1 lumi: 1 event: 1 stream: 0',
      "Running path 'p'",
      "Prefetching for module IntAnalyzer/'reader'",
      "Calling method for module ThrowingProducer/'thrower'",
    ]);
  });

  it('gives each consumer of a failed unscheduled module its own context chain', async () => {
    const reader = (label: string) => ({
      type: 'IntAnalyzer',
      edmType: 'EDAnalyzer' as const,
      parameters: (p: import('../../src/parameter-set/parameter-set').ParameterSet) =>
        p.addParameter('source', 'string', 'thrower'),
      label,
    });
    const description = makeProcess({
      maxEvents: 1,
      modules: { thrower: { type: 'ThrowingProducer' }, first: reader('first'), second: reader('second') },
      paths: { p: ['first', 'second'] },
      tasks: ['thrower'],
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await processor.beginJob();
    const failure = (await processor.run().catch((error: unknown) => error)) as { contexts: string[] };
    await processor.endJob();
    const prefetching = failure.contexts.filter((context) => context.startsWith('Prefetching for module'));
    expect(prefetching).toHaveLength(1);
    expect(failure.contexts.at(-1)).toBe("Calling method for module ThrowingProducer/'thrower'");
  });

  it('refuses a consumes cycle among unscheduled modules at start-up, naming it', async () => {
    const add = (source: string) => ({
      type: 'AddIntProducer',
      parameters: (p: ParameterSet) => p.addParameter('source', 'string', source),
    });
    const description = makeProcess({
      modules: {
        a: add('b'),
        b: add('c'),
        c: add('a'),
        reader: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'a'),
        },
      },
      paths: { p: ['reader'] },
      tasks: ['a', 'b', 'c'],
    });
    const failure = (await createEventProcessor(description, { registry: registry() }).catch(
      (error: unknown) => error,
    )) as Error & { category: string };
    expect(failure.category).toBe('ScheduleExecutionFailure');
    expect(failure.message).toContain(
      'Unrunnable schedule\nModule run order problem found: \na consumes b, b consumes c, c consumes a\n Running in the threaded framework',
    );
  });
});

describe('Transformer', () => {
  it('makes transformed products only when consumed, synchronously and through a holder', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: {
        t: { type: 'Transforming' },
        text: {
          type: 'StringAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 't:text'),
        },
        doubled: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 't:doubled'),
        },
      },
      paths: { p: ['t', 'text', 'doubled'] },
    });
    await runProcess(description, registry());
    expect(journal).toEqual(['read value 21', 'doubled=42', 'read value 21', 'doubled=42']);
    expect(transformCalls).toEqual(['string:21', 'pre:21', 'post:42', 'string:21', 'pre:21', 'post:42']);
  });

  it('never runs a transform nobody consumes', async () => {
    const description = makeProcess({ maxEvents: 3, modules: { t: { type: 'Transforming' } }, paths: { p: ['t'] } });
    await runProcess(description, registry());
    expect(transformCalls).toEqual([]);
  });
});
