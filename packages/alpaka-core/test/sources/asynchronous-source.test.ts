import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import type { EDGetToken, EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { productTypes } from '../../src/modules/product-type';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { EmptySource } from '../../src/sources/empty-source';
import type { SourceEvent } from '../../src/sources/input-source';
import { makeProcess, makeRegistry } from '../scheduling/make-process';

const log: string[] = [];
/** The event ReadingSource fails to read (0: none). */
let failOn = 0;

/** Puts `raw` from an earlier process after a turn of the event loop, as a source reading a file does; fails the event `failOn`. */
class ReadingSource extends EmptySource {
  readonly #raw: EDPutToken<number>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#raw = this.producesFromProcess(productTypes.int, 'raw', '', 'HLT');
  }
  override async fillEvent(event: Event, sourceEvent: SourceEvent): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (sourceEvent.id.event === failOn) throw new Error(`cannot read event ${failOn}`);
    log.push(`filled ${sourceEvent.id.event}`);
    event.put(this.#raw, sourceEvent.id.event * 10);
  }
}

class RawReader extends global.EDAnalyzer {
  readonly #raw: EDGetToken<number> = this.consumes(productTypes.int, 'raw');
  analyze(_stream: number, event: Event): void {
    log.push(`read ${event.get(this.#raw)}`);
  }
}

async function run(failing: number) {
  failOn = failing;
  const description = makeProcess({
    name: 'PROC',
    maxEvents: 3,
    source: { type: 'ReadingSource' },
    modules: { reader: { type: 'RawReader', edmType: 'EDAnalyzer' } },
    paths: { p: ['reader'] },
  });
  const processor = await createEventProcessor(description, { registry: makeRegistry(ReadingSource, RawReader) });
  await processor.beginJob();
  const failure = await processor.run().then(
    () => undefined,
    (error: unknown) => error as { category: string; message: string },
  );
  await processor.endJob();
  return failure;
}

beforeEach(() => {
  log.length = 0;
});

describe('a source that fills its events asynchronously', () => {
  it("runs the event's paths only once its products are in", async () => {
    expect(await run(0)).toBeUndefined();
    expect(log).toEqual(['filled 1', 'read 10', 'filled 2', 'read 20', 'filled 3', 'read 30']);
  });

  it("fails the event, and the job, with the source's error when the fill rejects", async () => {
    const failure = await run(2);
    expect(failure?.message).toContain('cannot read event 2');
    expect(log).toEqual(['filled 1', 'read 10']);
  });
});
