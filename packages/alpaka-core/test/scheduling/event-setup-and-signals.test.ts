import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import type { ESGetToken } from '../../src/event-setup/es-get-token';
import type { EventSetup, EventSetupProvider } from '../../src/event-setup/event-setup-provider';
import type { EventSetupRecordKey } from '../../src/event-setup/event-setup-record-key';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { IntProducer } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

const record: EventSetupRecordKey = { recordName: 'TestRecordA', dependsOn: [] };
const read: number[] = [];

class ESReader extends stream.EDAnalyzer {
  readonly #token = this.esConsumes(record, productTypes.int, ':calibration');
  analyze(_event: Event, eventSetup: EventSetup): void {
    read.push(eventSetup.get(this.#token));
  }
}

const registry = () => makeRegistry(ESReader, IntProducer);
const description = () =>
  makeProcess({
    maxEvents: 2,
    modules: { reader: { type: 'ESReader', edmType: 'EDAnalyzer' } },
    paths: { p: ['reader'] },
  });

describe('EventSetup through the injected provider', () => {
  it("fails a module whose record no ES module delivers with CMSSW's NoRecord message, when it reads it", async () => {
    // No createEventSetupProvider given: the processor builds the real EventSetup from the (empty) ES modules.
    const processor = await createEventProcessor(description(), { registry: registry() });
    await processor.beginJob();
    const failure = (await processor.run().catch((error: unknown) => error)) as Error & { contexts: string[] };
    await processor.endJob();
    expect(failure.message).toMatch(
      /^No "TestRecordA" record found in the EventSetup for synchronization value\nRun: 1 LuminosityBlock: 1 Event: 1 .*\n.*Please add an ESSource or ESProducer that delivers such a record\./s,
    );
    // As CMSSW's: the prefetch skips what nothing delivers; the module's read fails.
    expect(failure.contexts.slice(1)).toEqual(["Running path 'p'", "Calling method for module ESReader/'reader'"]);
  });

  it('prefetches (asynchronously when the provider says so) before the module reads', async () => {
    read.length = 0;
    const prefetched: number[] = [];
    const provider: EventSetupProvider = {
      async beginJob() {},
      async endJob() {},
      eventSetupFor({ eventID }) {
        let ready = false;
        return {
          prefetch(tokens: readonly ESGetToken[]) {
            prefetched.push(tokens.length);
            return new Promise<void>((resolve) =>
              setTimeout(() => {
                ready = true;
                resolve();
              }, 1),
            );
          },
          get<T>(): T {
            if (!ready) throw new Error('read before prefetch');
            return (eventID.event * 100) as T;
          },
          hasRecord: () => true,
        };
      },
    };
    await runProcess(description(), registry(), { createEventSetupProvider: async () => provider });
    expect(prefetched).toEqual([1, 1]);
    expect(read).toEqual([100, 200]);
  });
});

describe('activity signals', () => {
  it('emits job, source, event, path and module signals', async () => {
    const activity = new ActivityRegistry();
    const seen: string[] = [];
    activity.preBeginJob.connect(() => seen.push('preBeginJob'));
    activity.postEndJob.connect(() => seen.push('postEndJob'));
    activity.preSourceEvent.connect((streamID) => seen.push(`preSource ${streamID}`));
    activity.postSourceEvent.connect((streamID) => seen.push(`postSource ${streamID}`));
    activity.preEvent.connect((context) => seen.push(`preEvent ${context.eventID.event}`));
    activity.postEvent.connect((context) => seen.push(`postEvent ${context.eventID.event}`));
    activity.prePathEvent.connect((_context, path) => seen.push(`prePath ${path}`));
    activity.postPathEvent.connect((_context, path, accepted) => seen.push(`postPath ${path} ${accepted}`));
    activity.preModule.connect((context) => seen.push(`preModule ${context.moduleLabel} ${context.kind}`));
    activity.postModule.connect((context) => seen.push(`postModule ${context.moduleLabel} ${context.kind}`));
    const process = makeProcess({ maxEvents: 1, modules: { a: { type: 'IntProducer' } }, paths: { p: ['a'] } });
    await runProcess(process, registry(), { activityRegistry: activity });
    expect(seen).toEqual([
      'preBeginJob',
      'preSource 0',
      'postSource 0',
      'preEvent 1',
      'prePath p',
      'preModule a event',
      'postModule a event',
      'postPath p true',
      'postEvent 1',
      'postEndJob',
    ]);
  });
});
