import { describe, expect, it } from 'vitest';
import type { ConstEvent } from '../../src/event/event';
import * as global from '../../src/modules/global-modules';
import * as stream from '../../src/modules/stream-modules';
import { IntProducer } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

const order: string[] = [];

/** An EndPath analyzer whose work finishes on a timer, after every module of the event has returned. */
class SlowAnalyzer extends stream.EDAnalyzer {
  async analyze(event: ConstEvent): Promise<void> {
    const number = event.id().event;
    order.push(`slow start ${number}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push(`slow done ${number}`);
  }
}

class Marker extends global.EDAnalyzer {
  analyze(_stream: number, event: ConstEvent): void {
    order.push(`first module ${event.id().event}`);
  }
}

describe('a stream and its events', () => {
  it("takes its next event only after all of the current event's work, asynchronous work included, is done", async () => {
    order.length = 0;
    const description = makeProcess({
      maxEvents: 3,
      numberOfStreams: 1,
      modules: {
        marker: { type: 'Marker', edmType: 'EDAnalyzer' },
        slow: { type: 'SlowAnalyzer', edmType: 'EDAnalyzer' },
      },
      paths: { p: ['marker'] },
      endPaths: { e: ['slow'] },
    });
    await runProcess(description, makeRegistry(SlowAnalyzer, Marker, IntProducer));
    // Each event's slow work ends before the next event's first module starts.
    for (const number of [1, 2]) {
      expect(order.indexOf(`slow done ${number}`)).toBeLessThan(order.indexOf(`first module ${number + 1}`));
    }
    expect(order.filter((entry) => entry.startsWith('slow done'))).toHaveLength(3);
  });
});
