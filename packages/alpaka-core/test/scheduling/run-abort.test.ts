import { describe, expect, it } from 'vitest';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { IntProducer, journal } from './int-modules';
import { makeProcess, makeRegistry } from './make-process';

describe('RunLimits.signal (alpaka-run on SIGINT/SIGTERM)', () => {
  it('takes no new event once aborted, lets events in flight finish, and resolves as usual', async () => {
    journal.length = 0;
    const description = makeProcess({
      maxEvents: 1000,
      numberOfStreams: 2,
      modules: { producer: { type: 'IntProducer' } },
      paths: { p: ['producer'] },
    });
    const activityRegistry = new ActivityRegistry();
    const processor = await createEventProcessor(description, {
      registry: makeRegistry(IntProducer),
      activityRegistry,
    });
    await processor.beginJob();
    const controller = new AbortController();
    let finished = 0;
    activityRegistry.postEvent.connect(() => {
      finished++;
      if (finished === 5) controller.abort();
    });
    const result = await processor.run({ signal: controller.signal });
    await processor.endJob();
    // Two streams: at most one more event was in flight on the other stream when the fifth finished.
    expect(result.eventsProcessed).toBeGreaterThanOrEqual(5);
    expect(result.eventsProcessed).toBeLessThanOrEqual(6);
    expect(result.sourceExhausted).toBe(false);
    expect(journal).toHaveLength(result.eventsProcessed);
  });
});
