import { beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import { TriggerResults } from '../../src/event/trigger-results';
import type { EDGetToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { AddIntProducer, IntAnalyzer, IntProducer, journal, ModuloFilter } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

const registry = () => makeRegistry(IntProducer, AddIntProducer, IntAnalyzer, ModuloFilter, TriggerResultsReader);

const seen: { event: number; states: string[]; indices: number[] }[] = [];

class TriggerResultsReader extends global.EDAnalyzer {
  readonly #token: EDGetToken<TriggerResults>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#token = this.consumes(TriggerResults, 'TriggerResults');
  }
  analyze(_stream: number, event: Event): void {
    const results = event.get(this.#token);
    const states: string[] = [];
    const indices: number[] = [];
    for (let bit = 0; bit < results.size(); bit++) {
      states.push(results.state(bit));
      indices.push(results.index(bit));
    }
    seen.push({ event: event.id().event, states, indices });
  }
}

beforeEach(() => {
  journal.length = 0;
  seen.length = 0;
});

describe('paths', () => {
  it('runs a chain of producers in order and the analyzer reads the last product', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: {
        one: { type: 'IntProducer', parameters: (p) => p.addParameter('ivalue', 'int32', 5) },
        two: { type: 'AddIntProducer', parameters: (p) => p.addParameter('source', 'string', 'one') },
        check: {
          type: 'IntAnalyzer',
          edmType: 'EDAnalyzer',
          parameters: (p) => p.addParameter('source', 'string', 'two'),
        },
      },
      paths: { p: ['one', 'two', 'check'] },
    });
    await runProcess(description, registry());
    expect(journal).toEqual(['one:1', 'two:1', 'check=6', 'one:2', 'two:2', 'check=6']);
  });

  it('skips the rest of a path after a failing filter, inverts with veto, neutralises with ignore', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: {
        f: { type: 'ModuloFilter', edmType: 'EDFilter' },
        prod: { type: 'IntProducer' },
        afterF: { type: 'IntProducer' },
        afterVeto: { type: 'IntProducer' },
        afterIgnore: { type: 'IntProducer' },
        reader: { type: 'TriggerResultsReader', edmType: 'EDAnalyzer' },
      },
      paths: { normal: ['prod', 'f', 'afterF'], vetoed: ['!f', 'afterVeto'], ignored: ['-f', 'afterIgnore'] },
      endPaths: { e: ['reader'] },
    });
    const processor = await runProcess(description, registry());
    // Event 1 is odd: f fails, so afterF never runs; the veto path passes.
    expect(journal.filter((line) => line.startsWith('after'))).toEqual([
      'afterVeto:1',
      'afterIgnore:1',
      'afterF:2',
      'afterIgnore:2',
    ]);
    expect(journal.filter((line) => line.startsWith('f?'))).toEqual(['f?1', 'f?2']);
    expect(seen).toEqual([
      { event: 1, states: ['Fail', 'Pass', 'Pass'], indices: [1, 1, 1] },
      { event: 2, states: ['Pass', 'Fail', 'Pass'], indices: [2, 0, 1] },
    ]);
    const report = processor.triggerReport();
    expect(report.eventsTotal).toBe(2);
    expect(report.paths.map((path) => [path.name, path.passed, path.failed])).toEqual([
      ['normal', 1, 1],
      ['vetoed', 1, 1],
      ['ignored', 2, 0],
    ]);
    expect(report.paths[0]?.modules.map((module) => [module.label, module.visited])).toEqual([
      ['prod', 2],
      ['f', 2],
      ['afterF', 1],
    ]);
    expect(report.modules.find((module) => module.label === 'f')).toMatchObject({
      visited: 2,
      run: 2,
      passed: 1,
      failed: 1,
    });
  });

  it("refuses a module placed before the producer it consumes on the same path, as CMSSW's schedule check", async () => {
    const description = makeProcess({
      modules: {
        a: { type: 'IntProducer' },
        r1: { type: 'AddIntProducer', parameters: (p) => p.addParameter('source', 'string', 'a') },
      },
      paths: { p1: ['r1', 'a'] },
    });
    await expect(createEventProcessor(description, { registry: registry() })).rejects.toMatchObject({
      category: 'ScheduleExecutionFailure',
      message:
        'Unrunnable schedule\nModule run order problem found: \nr1 consumes a, a after r1 [path p1]\n' +
        ' Running in the threaded framework would lead to indeterminate results.\n' +
        ' Please change order of modules in mentioned Path(s) to avoid inconsistent module ordering.',
    });
  });

  it("refuses an unknown path label with CMSSW's message (8009)", async () => {
    const description = makeProcess({ modules: { a: { type: 'IntProducer' } }, paths: { p: ['a', 'typo'] } });
    const failure = await createEventProcessor(description, { registry: registry() }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      category: 'Configuration',
      exitCode: 8009,
      message:
        'The unknown module label "typo" appears in path "p"\n please check spelling or remove that label from the path.',
    });
  });

  it('ignores a filter on an EndPath and warns once with the FilterOnEndPath text', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (text: string) => warnings.push(text);
    try {
      const description = makeProcess({
        maxEvents: 3,
        numberOfStreams: 2,
        modules: { f: { type: 'ModuloFilter', edmType: 'EDFilter' }, after: { type: 'IntProducer' } },
        endPaths: { e: ['f', 'after'] },
      });
      await runProcess(description, registry());
    } finally {
      console.warn = original;
    }
    expect(journal.filter((line) => line.startsWith('after')).sort()).toEqual(['after:1', 'after:2', 'after:3']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("The EDFilter 'ModuloFilter' with module label 'f' appears on EndPath 'e'.");
    expect(warnings[0]).toContain('The return value of the filter will be ignored.');
  });

  it('gives an empty path Pass with index 0', async () => {
    const description = makeProcess({
      maxEvents: 1,
      modules: { reader: { type: 'TriggerResultsReader', edmType: 'EDAnalyzer' } },
      paths: { empty: [] },
      endPaths: { e: ['reader'] },
    });
    await runProcess(description, registry());
    expect(seen).toEqual([{ event: 1, states: ['Pass'], indices: [0] }]);
  });

  it('runs a module on several paths once per event', async () => {
    const description = makeProcess({
      maxEvents: 2,
      modules: { shared: { type: 'IntProducer' }, other: { type: 'IntProducer' } },
      paths: { p: ['shared'], q: ['other', 'shared'] },
      endPaths: { e: ['shared'] },
    });
    const processor = await runProcess(description, registry());
    expect(journal.filter((line) => line.startsWith('shared'))).toEqual(['shared:1', 'shared:2']);
    expect(processor.triggerReport().modules.find((module) => module.label === 'shared')).toMatchObject({
      visited: 2,
      run: 2,
    });
  });
});
