import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import { formatEventID } from '../../src/event/event-id';
import { EventRange } from '../../src/event/event-range';
import type { LuminosityBlock } from '../../src/event/luminosity-block';
import { LuminosityBlockRange } from '../../src/event/luminosity-block-range';
import type { Run } from '../../src/event/run';
import * as global from '../../src/modules/global-modules';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { EmptySource } from '../../src/sources/empty-source';
import { makeProcess, makeRegistry } from '../scheduling/make-process';

const transitions: string[] = [];

class TransitionRecorder extends global.EDAnalyzer {
  override beginRun(run: Run): void {
    transitions.push(`beginRun ${run.run()}`);
  }
  override endRun(run: Run): void {
    transitions.push(`endRun ${run.run()}`);
  }
  override beginLuminosityBlock(block: LuminosityBlock): void {
    transitions.push(`beginLumi ${block.run()}:${block.luminosityBlock()}`);
  }
  override endLuminosityBlock(block: LuminosityBlock): void {
    transitions.push(`endLumi ${block.run()}:${block.luminosityBlock()}`);
  }
  analyze(_stream: number, event: Event): void {
    transitions.push(`event ${event.id().run}:${event.id().luminosityBlock}:${event.id().event}`);
  }
}

function ids(parameters: (p: ParameterSet) => void, count: number): string[] {
  const set = new ParameterSet();
  parameters(set);
  const source = new EmptySource(set);
  return Array.from({ length: count }, () =>
    formatEventID(source.next()?.id ?? { run: 0, luminosityBlock: 0, event: 0 }),
  );
}

beforeEach(() => {
  transitions.length = 0;
});

describe('EmptySource', () => {
  it('numbers events from 1:1:1 by default, all in one luminosity block', () => {
    expect(ids(() => {}, 3)).toEqual(['run: 1 lumi: 1 event: 1', 'run: 1 lumi: 1 event: 2', 'run: 1 lumi: 1 event: 3']);
  });

  it('starts new luminosity blocks and runs as numberEventsIn* say, event numbers restarting per run', () => {
    const got = ids((p) => {
      p.addUntrackedParameter('firstRun', 'uint32', 5);
      p.addUntrackedParameter('firstLuminosityBlock', 'uint32', 2);
      p.addUntrackedParameter('firstEvent', 'uint32', 10);
      p.addUntrackedParameter('numberEventsInRun', 'uint32', 3);
      p.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', 2);
    }, 5);
    expect(got).toEqual([
      'run: 5 lumi: 2 event: 10',
      'run: 5 lumi: 2 event: 11',
      'run: 5 lumi: 3 event: 12',
      'run: 6 lumi: 2 event: 1',
      'run: 6 lumi: 2 event: 2',
    ]);
  });

  it('skips skipEvents events first', () => {
    expect(ids((p) => p.addUntrackedParameter('skipEvents', 'uint32', 2), 1)).toEqual(['run: 1 lumi: 1 event: 3']);
  });

  it('leaves out the events outside eventsToProcess and ends once the ranges are behind it', () => {
    const set = new ParameterSet();
    set.addUntrackedParameter('skipEvents', 'uint32', 1);
    set.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', 10);
    set.addUntrackedParameter('eventsToProcess', 'VEventRange', [
      EventRange.parse('1:1-1:3'),
      EventRange.parse('1:2:19-1:2:20'),
    ]);
    set.addUntrackedParameter('eventsToSkip', 'VEventRange', [EventRange.parse('1:19')]);
    const source = new EmptySource(set);
    const got: string[] = [];
    for (let next = source.next(); next !== undefined; next = source.next()) got.push(formatEventID(next.id));
    // The ranges keep 1, 2, 3 and 20 (19 is skipped); skipEvents then skips the first of those, as PoolSource's.
    expect(got).toEqual(['run: 1 lumi: 1 event: 2', 'run: 1 lumi: 1 event: 3', 'run: 1 lumi: 2 event: 20']);
  });

  it('stops with a Configuration error when its ranges skip every event for ever', () => {
    const set = new ParameterSet();
    set.addUntrackedParameter('eventsToSkip', 'VEventRange', [EventRange.parse('1:1-1:max')]);
    expect(() => new EmptySource(set).next()).toThrow(
      'EmptySource generates no event inside its ranges: from run: 1 lumi: 1 event: 1 on, every event is outside eventsToProcess/lumisToProcess or inside eventsToSkip/lumisToSkip (eventsToSkip 1:1-1:max).',
    );
  });

  it("reaches a job's range far ahead at once, by numbering events from their index", () => {
    const set = new ParameterSet();
    set.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', 1000);
    set.addUntrackedParameter('eventsToProcess', 'VEventRange', [EventRange.parse('1:4000000001-1:4000000002')]);
    const source = new EmptySource(set);
    const started = performance.now();
    const got = [source.next(), source.next(), source.next()].map((next) => next && formatEventID(next.id));
    expect(got).toEqual([
      'run: 1 lumi: 4000001 event: 4000000001',
      'run: 1 lumi: 4000001 event: 4000000002',
      undefined,
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('jumps to lumisToProcess blocks and past lumisToSkip ones, runs included', () => {
    const set = new ParameterSet();
    set.addUntrackedParameter('numberEventsInRun', 'uint32', 6);
    set.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', 2);
    set.addUntrackedParameter('lumisToProcess', 'VLuminosityBlockRange', [LuminosityBlockRange.parse('1:3-2:2')]);
    set.addUntrackedParameter('lumisToSkip', 'VLuminosityBlockRange', [LuminosityBlockRange.parse('2:1')]);
    const source = new EmptySource(set);
    const got: string[] = [];
    for (let next = source.next(); next !== undefined; next = source.next()) got.push(formatEventID(next.id));
    expect(got).toEqual([
      'run: 1 lumi: 3 event: 5',
      'run: 1 lumi: 3 event: 6',
      'run: 2 lumi: 2 event: 3',
      'run: 2 lumi: 2 event: 4',
    ]);
  });

  it('refuses ranges no generated event reaches, such as a later run when there is only one', () => {
    const set = new ParameterSet();
    set.addUntrackedParameter('eventsToProcess', 'VEventRange', [EventRange.parse('2:1-2:3')]);
    expect(() => new EmptySource(set).next()).toThrow('EmptySource generates no event inside its ranges');
    const behind = new ParameterSet();
    behind.addUntrackedParameter('firstRun', 'uint32', 5);
    behind.addUntrackedParameter('eventsToProcess', 'VEventRange', [EventRange.parse('1:1-1:10')]);
    expect(() => new EmptySource(behind).next()).toThrow('from run: 5 lumi: 1 event: 1 on');
  });

  it('numbers events by index as counting them one by one does, across blocks and runs', () => {
    for (const [eventsInRun, eventsInLuminosityBlock, firstEvent] of [
      [0, 0, 1],
      [7, 3, 4],
      [5, 0, 2],
      [0, 4, 9],
    ] as const) {
      const set = new ParameterSet();
      set.addUntrackedParameter('firstRun', 'uint32', 3);
      set.addUntrackedParameter('firstLuminosityBlock', 'uint32', 2);
      set.addUntrackedParameter('firstEvent', 'uint32', firstEvent);
      set.addUntrackedParameter('numberEventsInRun', 'uint32', eventsInRun);
      set.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', eventsInLuminosityBlock);
      const source = new EmptySource(set);
      // Counting as IDGeneratorSourceBase does: the event goes on in its run, a new block every
      // eventsInLuminosityBlock events, a new run (event 1, the first block) every eventsInRun.
      let [run, lumi, event, inRun, inLumi] = [3, 2, firstEvent, 1, 1];
      for (let index = 0; index < 40; index++) {
        expect(formatEventID(source.next()?.id ?? { run: 0, luminosityBlock: 0, event: 0 })).toBe(
          `run: ${run} lumi: ${lumi} event: ${event}`,
        );
        if (eventsInRun > 0 && inRun === eventsInRun) [run, lumi, event, inRun, inLumi] = [run + 1, 2, 1, 1, 1];
        else {
          event++;
          inRun++;
          if (eventsInLuminosityBlock > 0 && inLumi === eventsInLuminosityBlock) [lumi, inLumi] = [lumi + 1, 1];
          else inLumi++;
        }
      }
    }
  });

  it('runs begin/end of runs and luminosity blocks around their events', async () => {
    const description = makeProcess({
      maxEvents: 3,
      source: {
        type: 'EmptySource',
        parameters: (p) => {
          p.addUntrackedParameter('numberEventsInRun', 'uint32', 2);
          p.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', 1);
        },
      },
      modules: { recorder: { type: 'TransitionRecorder', edmType: 'EDAnalyzer' } },
      paths: { p: ['recorder'] },
    });
    const processor = await createEventProcessor(description, { registry: makeRegistry(TransitionRecorder) });
    await processor.beginJob();
    await processor.run();
    await processor.endJob();
    expect(transitions).toEqual([
      'beginRun 1',
      'beginLumi 1:1',
      'event 1:1:1',
      'endLumi 1:1',
      'beginLumi 1:2',
      'event 1:2:2',
      'endLumi 1:2',
      'endRun 1',
      'beginRun 2',
      'beginLumi 2:1',
      'event 2:1:1',
      'endLumi 2:1',
      'endRun 2',
    ]);
  });

  it('honours maxEvents per run() call and goes on where it stopped, up to maxEvents.input', async () => {
    const description = makeProcess({
      maxEvents: 5,
      numberOfStreams: 2,
      modules: { recorder: { type: 'TransitionRecorder', edmType: 'EDAnalyzer' } },
      paths: { p: ['recorder'] },
    });
    const processor = await createEventProcessor(description, { registry: makeRegistry(TransitionRecorder) });
    await processor.beginJob();
    expect(await processor.run({ maxEvents: 2 })).toEqual({ eventsProcessed: 2, sourceExhausted: false });
    expect(await processor.run({ maxEvents: 2 })).toEqual({ eventsProcessed: 2, sourceExhausted: false });
    expect(await processor.run()).toEqual({ eventsProcessed: 1, sourceExhausted: true });
    await processor.endJob();
    expect(transitions.filter((line) => line.startsWith('event')).sort()).toEqual([
      'event 1:1:1',
      'event 1:1:2',
      'event 1:1:3',
      'event 1:1:4',
      'event 1:1:5',
    ]);
    expect(transitions.filter((line) => line.startsWith('begin'))).toEqual(['beginRun 1', 'beginLumi 1:1']);
    expect(transitions.slice(-2)).toEqual(['endLumi 1:1', 'endRun 1']);
  });

  it('stops taking events once runForMilliseconds has passed', async () => {
    const description = makeProcess({
      modules: { recorder: { type: 'TransitionRecorder', edmType: 'EDAnalyzer' } },
      paths: { p: ['recorder'] },
    });
    const processor = await createEventProcessor(description, { registry: makeRegistry(TransitionRecorder) });
    await processor.beginJob();
    const result = await processor.run({ runForMilliseconds: 0 });
    await processor.endJob();
    expect(result.eventsProcessed).toBe(0);
    expect(result.sourceExhausted).toBe(false);
  });
});

class ThrowsInBeginRun extends global.EDAnalyzer {
  override beginRun(): void {
    throw new Error('no calibration for this run');
  }
  analyze(): void {
    transitions.push('analyze');
  }
}

describe('transition failures', () => {
  it('stop the job with the module and transition context', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: { bad: { type: 'ThrowsInBeginRun', edmType: 'EDAnalyzer' } },
      paths: { p: ['bad'] },
    });
    const processor = await createEventProcessor(description, { registry: makeRegistry(ThrowsInBeginRun) });
    await processor.beginJob();
    await expect(processor.run()).rejects.toMatchObject({
      exitCode: 8002,
      contexts: ['Processing  begin Run run: 1', "Calling method for module ThrowsInBeginRun/'bad'"],
    });
    await processor.endJob();
    expect(transitions).toEqual([]);
  });
});
