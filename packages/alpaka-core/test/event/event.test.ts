import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import type { EDGetToken, EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { EmptySource } from '../../src/sources/empty-source';
import type { SourceEvent } from '../../src/sources/input-source';
import { TestProcessor, TestProcessorConfig } from '../../src/testing/index';
import { makeProcess, makeRegistry } from '../scheduling/make-process';

const log: unknown[] = [];

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

/** Puts `raw` ints from two earlier processes, HLT (1) then RECO (2); RECO's only on even events. */
class HistorySource extends EmptySource {
  readonly #hlt: EDPutToken<number>;
  readonly #reco: EDPutToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#hlt = this.producesFromProcess(productTypes.int, 'raw', '', 'HLT');
    this.#reco = this.producesFromProcess(productTypes.int, 'raw', '', 'RECO');
  }
  override fillEvent(event: Event, sourceEvent: SourceEvent): void {
    event.put(this.#hlt, 1);
    if (sourceEvent.id.event % 2 === 0) event.put(this.#reco, 2);
  }
}

/** Reads `raw` with the tags in `tags` and records what each one found. */
class TagReader extends global.EDAnalyzer {
  readonly #tokens: [string, EDGetToken<number>][];
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#tokens = parameters
      .getParameter<readonly string[]>('tags')
      .map((tag) => [tag, this.consumes(productTypes.int, tag)]);
  }
  analyze(_stream: number, event: Event): void {
    for (const [tag, token] of this.#tokens) {
      const handle = event.getHandle(token);
      log.push(`${event.id().event} ${tag}=${handle.isValid() ? handle.product() : 'none'}`);
    }
  }
}

class CurrentRaw extends global.EDProducer {
  readonly #token = this.produces(productTypes.int);
  produce(_stream: number, event: Event): void {
    event.put(this.#token, 3);
  }
}

/** Does what `mode` says: the put and get mistakes the Event must refuse. */
class Misbehaving extends global.EDProducer {
  readonly #mode: string;
  readonly #put = this.produces(productTypes.int, 'out');
  readonly #point = this.produces(Point);
  readonly #missing: EDGetToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#mode = parameters.getParameter<string>('mode');
    this.#missing = this.consumes(productTypes.int, 'nobody:inst:PROC');
  }
  produce(_stream: number, event: Event): void {
    if (this.#mode === 'twice') {
      event.put(this.#put, 1);
      event.put(this.#put, 2);
    } else if (this.#mode === 'unregistered') {
      event.put(otherModuleToken as EDPutToken<number>, 1);
    } else if (this.#mode === 'missing') {
      event.get(this.#missing);
    } else if (this.#mode === 'handle') {
      const handle = event.getHandle(this.#missing);
      log.push(handle.isValid());
      handle.product();
    } else if (this.#mode === 'unconsumed') {
      event.get(otherModuleGetToken as EDGetToken<number>);
    } else if (this.#mode === 'emplace') {
      const point = event.emplace(this.#point, 1, 2);
      log.push(point instanceof Point ? point.x + point.y : 'not a Point');
    }
  }
}

let otherModuleToken: unknown;
let otherModuleGetToken: unknown;
class TokenDonor extends global.EDProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    otherModuleToken = this.produces(productTypes.int, 'donated');
    otherModuleGetToken = this.consumes(productTypes.int, 'whatever');
  }
  produce(): void {}
}

const registry = () => makeRegistry(HistorySource, TagReader, CurrentRaw, Misbehaving, TokenDonor);

async function failureOf(
  mode: string,
): Promise<{ category: string; message: string; exitCode: number; contexts: string[] }> {
  const description = makeProcess({
    name: 'PROC',
    maxEvents: 1,
    modules: {
      donor: { type: 'TokenDonor' },
      bad: { type: 'Misbehaving', parameters: (p) => p.addParameter('mode', 'string', mode) },
    },
    paths: { p: ['donor', 'bad'] },
  });
  const processor = await createEventProcessor(description, { registry: registry() });
  await processor.beginJob();
  const failure = await processor.run().then(
    () => undefined,
    (error: unknown) => error,
  );
  await processor.endJob();
  return failure as never;
}

beforeEach(() => {
  log.length = 0;
});

describe('Event', () => {
  it('throws ProductNotFound (8006) with the Looking for lines, in the module/path/event context', async () => {
    const failure = await failureOf('missing');
    expect(failure.category).toBe('ProductNotFound');
    expect(failure.exitCode).toBe(8006);
    expect(failure.message).toBe(
      'Principal::getByToken: Found zero products matching all criteria\nLooking for type: int\nLooking for module label: nobody\nLooking for productInstanceName: inst\nLooking for process: PROC\n',
    );
    expect(failure.contexts).toEqual([
      'Processing  Event run: 1 lumi: 1 event: 1 stream: 0',
      "Running path 'p'",
      "Calling method for module Misbehaving/'bad'",
    ]);
  });

  it('gives an invalid handle that throws only when dereferenced', async () => {
    const failure = await failureOf('handle');
    expect(log).toEqual([false]);
    expect(failure.category).toBe('ProductNotFound');
  });

  it('refuses a second put with the branch name (8008)', async () => {
    const failure = await failureOf('twice');
    expect(failure.exitCode).toBe(8008);
    expect(failure.message).toBe('Attempt to insert more than one product on branch int_bad_out_PROC\n');
  });

  it('refuses a put with a token the module did not get from produces (8008)', async () => {
    const failure = await failureOf('unregistered');
    expect(failure.exitCode).toBe(8008);
    expect(failure.message.startsWith("Illegal attempt to 'put' an unregistered product.\n")).toBe(true);
  });

  it('refuses a get with a token the module did not get from consumes', async () => {
    const failure = await failureOf('unconsumed');
    expect([failure.category, failure.exitCode]).toEqual(['GetByLabelWithoutRegistration', 8001]);
    expect(
      failure.message.startsWith(
        '::getByLabel without corresponding call to consumes or mayConsumes for this module.\n',
      ),
    ).toBe(true);
  });

  it('emplaces a product class with constructor arguments', async () => {
    const config = new TestProcessorConfig({
      module: { type: Misbehaving, parameters: (p) => p.addParameter('mode', 'string', 'emplace') },
      processName: 'PROC',
    });
    const tester = await TestProcessor.create(config);
    const event = await tester.test();
    expect(log).toEqual([3]);
    expect(event.get(Point)).toEqual(new Point(1, 2));
    await tester.testEndJob();
  });

  it('looks up the current process first, then earlier processes newest first; @skipCurrentProcess skips the current one', async () => {
    const tags = ['raw', 'raw::@skipCurrentProcess', 'raw::HLT', 'raw::RECO', 'raw::PROC'];
    const description = makeProcess({
      name: 'PROC',
      maxEvents: 2,
      source: { type: 'HistorySource' },
      modules: {
        raw: { type: 'CurrentRaw' },
        reader: {
          type: 'TagReader',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('tags', 'vstring', tags),
        },
        earlier: {
          type: 'TagReader',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('tags', 'vstring', ['raw']),
        },
      },
      paths: { before: ['earlier'], p: ['raw', 'reader'] },
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await processor.beginJob();
    await processor.run();
    await processor.endJob();
    expect(log).toEqual([
      // 'earlier' runs before the current process's raw exists: the newest earlier process present.
      '1 raw=1',
      '1 raw=3',
      '1 raw::@skipCurrentProcess=1',
      '1 raw::HLT=1',
      '1 raw::RECO=none',
      '1 raw::PROC=3',
      '2 raw=2',
      '2 raw=3',
      '2 raw::@skipCurrentProcess=2',
      '2 raw::HLT=1',
      '2 raw::RECO=2',
      '2 raw::PROC=3',
    ]);
  });
});
