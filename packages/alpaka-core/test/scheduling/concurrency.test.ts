import { beforeEach, describe, expect, it } from 'vitest';
import type { ConstEvent, Event } from '../../src/event/event';
import * as one from '../../src/modules/one-modules';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';
import { journal } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

const state = { inFlight: 0, maxInFlight: 0 };

class Waiter extends stream.EDProducerExternalWork {
  readonly #token = this.produces(productTypes.int);
  acquire(_event: ConstEvent, _eventSetup: unknown, holder: WaitingTaskWithArenaHolder): void {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const copy = holder.copy();
    setTimeout(() => {
      state.inFlight--;
      copy.doneWaiting();
    }, 2);
  }
  produce(event: Event): void {
    event.put(this.#token, 1);
  }
}

/** An edm::one module whose produce is asynchronous: its calls from different streams must not overlap. */
class OneAsync extends one.EDProducer {
  readonly #token = this.produces(productTypes.int);
  async produce(event: Event): Promise<void> {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    state.inFlight--;
    journal.push(`one:${event.id().event}`);
    event.put(this.#token, 1);
  }
}

const registry = () => makeRegistry(Waiter, OneAsync);

beforeEach(() => {
  Object.assign(state, { inFlight: 0, maxInFlight: 0 });
  journal.length = 0;
});

describe('concurrency inside a path', () => {
  it('starts the modules up to the next barrier together', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: { a: { type: 'Waiter' }, b: { type: 'Waiter' }, c: { type: 'Waiter' } },
      paths: { p: ['a', 'b', 'c'] },
    });
    await runProcess(description, registry());
    expect(state.maxInFlight).toBe(3);
  });

  it('serialises with cms.wait', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: { a: { type: 'Waiter' }, b: { type: 'Waiter' }, c: { type: 'Waiter' } },
      paths: { p: ['|a', '|b', 'c'] },
    });
    await runProcess(description, registry());
    expect(state.maxInFlight).toBe(1);
  });

  it('calls an edm::one module one event at a time across streams', async () => {
    const description = makeProcess({
      maxEvents: 6,
      numberOfStreams: 3,
      modules: { o: { type: 'OneAsync' } },
      paths: { p: ['o'] },
    });
    await runProcess(description, registry());
    expect(state.maxInFlight).toBe(1);
    expect(journal.sort()).toEqual(['one:1', 'one:2', 'one:3', 'one:4', 'one:5', 'one:6']);
  });
});

/** Reads the int of `source`; records what it found. */
class Reader extends stream.EDAnalyzer {
  readonly #token = this.consumes(productTypes.int, 'a');
  analyze(event: Event): void {
    journal.push(`read ${event.getHandle(this.#token).isValid()}`);
  }
}

/** ExternalWork whose acquire throws after keeping a copy of the holder it will never release. */
class ThrowingAcquire extends stream.EDProducerExternalWork {
  readonly #token = this.produces(productTypes.int);
  acquire(_event: ConstEvent, _eventSetup: unknown, holder: WaitingTaskWithArenaHolder): void {
    holder.copy();
    throw new Error('acquire failed');
  }
  produce(event: Event): void {
    journal.push('produce after a failed acquire');
    event.put(this.#token, 1);
  }
}

describe('scheduled producers still working', () => {
  it('are waited for by a consumer started in the same group', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: { a: { type: 'Waiter' }, r: { type: 'Reader', edmType: 'EDAnalyzer' } },
      paths: { p: ['a', 'r'] },
    });
    await runProcess(description, makeRegistry(Waiter, Reader));
    expect(journal).toEqual(['read true', 'read true']);
  });

  it('an exception in acquire fails the event at once and produce never runs', async () => {
    const description = makeProcess({ maxEvents: 2, modules: { t: { type: 'ThrowingAcquire' } }, paths: { p: ['t'] } });
    await expect(runProcess(description, makeRegistry(ThrowingAcquire))).rejects.toMatchObject({
      message: 'A std::exception was thrown.\nacquire failed',
      contexts: [
        'Processing  Event run: 1 lumi: 1 event: 1 stream: 0',
        "Running path 'p'",
        "Calling method for module ThrowingAcquire/'t'",
      ],
    });
    expect(journal).toEqual([]);
  });
});
