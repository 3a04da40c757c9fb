import { beforeEach, describe, expect, it } from 'vitest';
import type { ConstEvent } from '../../src/event/event';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';
import { CollectingOutputModule } from '../../src/output/collecting-output-module';
import { ProductSelectorRules } from '../../src/output/product-selector-rules';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { IntProducer, journal, ModuloFilter, ThrowingProducer } from '../scheduling/int-modules';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';

const ended: string[] = [];

/** An ExternalWork producer that waits on a timer, and records its endJob. */
class SlowProducer extends stream.EDProducerExternalWork {
  readonly #token = this.produces(productTypes.int);
  acquire(_event: ConstEvent, _eventSetup: unknown, holder: WaitingTaskWithArenaHolder): void {
    const copy = holder.copy();
    setTimeout(() => copy.doneWaiting(), 2);
  }
  produce(event: import('../../src/event/event').Event): void {
    journal.push(`slow:${event.id().event}`);
    event.put(this.#token, event.id().event);
  }
  override endJob(): void {
    ended.push(this.moduleLabel);
  }
}

const registry = () => makeRegistry(IntProducer, ModuloFilter, ThrowingProducer, SlowProducer, CollectingOutputModule);
const out = (commands?: string[], select?: string[]) => ({
  type: 'CollectingOutputModule',
  edmType: 'OutputModule' as const,
  parameters: (p: ParameterSet) => {
    if (commands !== undefined) p.addUntrackedParameter('outputCommands', 'vstring', commands);
    if (select !== undefined)
      p.addUntrackedParameter(
        'SelectEvents',
        'PSet',
        new ParameterSet().addParameter('SelectEvents', 'vstring', select),
      );
  },
});

beforeEach(() => {
  journal.length = 0;
  ended.length = 0;
});

describe('OutputModule', () => {
  it('keeps products by the last matching outputCommands rule, TriggerResults included by keep *', async () => {
    const description = makeProcess({
      name: 'PROC',
      maxEvents: 1,
      modules: {
        a: { type: 'IntProducer' },
        b: { type: 'IntProducer' },
        all: out(),
        some: out(['keep *', 'drop *_b_*_*', 'drop edm*_*_*_*']),
        back: out(['drop *', 'keep int_?_*_PROC', 'drop *_a_*_*']),
      },
      paths: { p: ['a', 'b'] },
      endPaths: { e: ['all', 'some', 'back'] },
    });
    await runProcess(description, registry());
    const branches = (label: string) => [...(CollectingOutputModule.output(label)?.events[0]?.products.keys() ?? [])];
    expect(branches('all')).toEqual(['int_a__PROC', 'int_b__PROC', 'edmTriggerResults_TriggerResults__PROC']);
    expect(branches('some')).toEqual(['int_a__PROC']);
    expect(branches('back')).toEqual(['int_b__PROC']);
  });

  it('writes only the events that passed a SelectEvents path', async () => {
    const description = makeProcess({
      maxEvents: 4,
      modules: { f: { type: 'ModuloFilter', edmType: 'EDFilter' }, out: out(undefined, ['p']) },
      paths: { p: ['f'] },
      endPaths: { e: ['out'] },
    });
    await runProcess(description, registry());
    expect(CollectingOutputModule.output('out')?.events.map((event) => event.id.event)).toEqual([2, 4]);
  });

  it('refuses a rule without exactly 3 underscores (8009)', () => {
    expect(() => new ProductSelectorRules(['keep int_a_PROC'], 'outputCommands', 'out')).toThrow(
      /^Invalid statement in configuration file\nIn outputCommands parameter named 'out'\n/,
    );
    expect(() => new ProductSelectorRules(['keep *_a_*'], 'outputCommands', 'out')).toThrowError(
      expect.objectContaining({ exitCode: 8009 }),
    );
  });

  it('stops cleanly when a module throws mid-job: earlier events written, in-flight ones finished, endJob and closeFile run', async () => {
    const description = makeProcess({
      maxEvents: 40,
      numberOfStreams: 4,
      modules: {
        slow: { type: 'SlowProducer' },
        thrower: { type: 'ThrowingProducer', parameters: (p) => p.addParameter('onEvent', 'int32', 6) },
        out: out(),
      },
      paths: { p: ['slow', 'thrower'] },
      endPaths: { e: ['out'] },
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await processor.beginJob();
    const failure = (await processor.run().catch((error: unknown) => error)) as {
      exitCode: number;
      contexts: string[];
    };
    await processor.endJob();
    expect(failure.exitCode).toBe(8002);
    expect(failure.contexts[0]).toMatch(/^Processing {2}Event run: 1 lumi: 1 event: 6 stream: \d$/);
    const written = CollectingOutputModule.output('out')?.events.map((event) => event.id.event) ?? [];
    const started = journal.filter((line) => line.startsWith('thrower:')).map((line) => Number(line.slice(8)));
    // Every event that got to the thrower, except the failing one, was written: nothing in flight was lost.
    expect(written.sort((a, b) => a - b)).toEqual(started.filter((event) => event !== 6).sort((a, b) => a - b));
    expect(written).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    expect(started.length).toBeLessThan(40);
    expect(CollectingOutputModule.output('out')).toMatchObject({ opened: 1, closed: 1 });
    expect(ended).toEqual(['slow', 'slow', 'slow', 'slow']);
  });
});

describe('OutputModule and Tasks', () => {
  it('runs the unscheduled modules whose products it keeps, and only those', async () => {
    const description = makeProcess({
      name: 'PROC',
      maxEvents: 2,
      modules: {
        kept: { type: 'IntProducer' },
        dropped: { type: 'IntProducer' },
        out: out(['drop *', 'keep *_kept_*_*']),
      },
      endPaths: { e: ['out'] },
      tasks: ['kept', 'dropped'],
    });
    await runProcess(description, registry());
    expect(journal).toEqual(['kept:1', 'kept:2']);
    expect(CollectingOutputModule.output('out')?.events.map((event) => [...event.products.entries()])).toEqual([
      [['int_kept__PROC', 1]],
      [['int_kept__PROC', 1]],
    ]);
  });
});
