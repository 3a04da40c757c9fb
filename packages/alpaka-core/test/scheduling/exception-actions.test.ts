import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '../../src/event/event';
import { TriggerResults } from '../../src/event/trigger-results';
import type { EDGetToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { IntProducer, journal, ThrowingProducer } from './int-modules';
import { makeProcess, makeRegistry, runProcess } from './make-process';

const states: string[] = [];

class StateReader extends global.EDAnalyzer {
  readonly #token: EDGetToken<TriggerResults>;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#token = this.consumes(TriggerResults, 'TriggerResults');
  }
  analyze(_stream: number, event: Event): void {
    const results = event.get(this.#token);
    states.push(`${event.id().event}:${results.state(0)}`);
  }
}

const registry = () => makeRegistry(IntProducer, ThrowingProducer, StateReader);
const description = (actions: Record<string, string[]>) =>
  makeProcess({
    maxEvents: 3,
    modules: {
      thrower: { type: 'ThrowingProducer', parameters: (p) => p.addParameter('onEvent', 'int32', 2) },
      after: { type: 'IntProducer' },
      reader: { type: 'StateReader', edmType: 'EDAnalyzer' },
    },
    paths: { p: ['thrower', 'after'] },
    endPaths: { e: ['reader'] },
    exceptionActions: actions,
  });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  journal.length = 0;
  states.length = 0;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('exception actions of process.options', () => {
  it('TryToContinue: warns, drops the event, goes on', async () => {
    const processor = await runProcess(description({ tryToContinue: ['StdException'] }), registry());
    expect(states).toEqual(['1:Pass', '3:Pass']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("An exception of category 'StdException' occurred while");
    expect(processor.triggerReport()).toMatchObject({ eventsTotal: 3, eventsPassed: 2, eventsFailed: 1 });
  });

  it('SkipEvent is the older name of TryToContinue', async () => {
    await runProcess(description({ skipEvent: ['StdException'] }), registry());
    expect(states).toEqual(['1:Pass', '3:Pass']);
  });

  it('FailPath: the path fails with Exception, the event goes on to the EndPaths', async () => {
    const processor = await runProcess(description({ failPath: ['StdException'] }), registry());
    expect(states).toEqual(['1:Pass', '2:Exception', '3:Pass']);
    expect(processor.triggerReport().paths[0]).toMatchObject({ passed: 2, error: 1 });
  });

  it('IgnoreCompletely: as if nothing happened', async () => {
    await runProcess(description({ ignoreCompletely: ['StdException'] }), registry());
    expect(states).toEqual(['1:Pass', '2:Pass', '3:Pass']);
    expect(journal).toContain('after:2');
    expect(warn).not.toHaveBeenCalled();
  });

  it('Rethrow (the default, and winning over other lists) stops the job', async () => {
    await expect(
      runProcess(description({ rethrow: ['StdException'], tryToContinue: ['StdException'] }), registry()),
    ).rejects.toMatchObject({
      category: 'StdException',
    });
    await expect(runProcess(description({ tryToContinue: ['ProductNotFound'] }), registry())).rejects.toMatchObject({
      category: 'StdException',
    });
  });
});
