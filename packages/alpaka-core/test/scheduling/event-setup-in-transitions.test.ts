import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/event/run';
import type { ESGetToken } from '../../src/event-setup/es-get-token';
import { ESProducer } from '../../src/event-setup/es-producer';
import type { EventSetup } from '../../src/event-setup/event-setup-provider';
import * as global from '../../src/modules/global-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { registerBuiltInModules } from '../../src/sources/built-in-modules';
import * as esTest from '../event-setup/event-setup-test-modules';
import { makeProcess, runProcess } from './make-process';

const seen: string[] = [];

/** Produces on a timer: its product can only be read once the framework has prefetched (and waited for) it. */
class DelayedESProducer extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.setWhatProduced(esTest.RecordA, esTest.TestESProduct, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return new esTest.TestESProduct(7, undefined);
    });
  }
}

/** Reads an EventSetup product in beginRun, with a token declared for that transition. */
class RunCalibrationReader extends global.EDAnalyzer {
  readonly #atBeginRun: ESGetToken<esTest.TestESProduct> = this.esConsumes(
    esTest.RecordA,
    esTest.TestESProduct,
    '',
    'BeginRun',
  );
  override beginRun(run: Run, eventSetup: EventSetup): void {
    seen.push(`run ${run.run()}: ${eventSetup.get(this.#atBeginRun).value}`);
  }
  analyze(): void {}
}

describe('EventSetup products in run transitions', () => {
  it('prefetches the tokens a module declared for beginRun before calling it, through the real EventSetup', async () => {
    seen.length = 0;
    const description = {
      ...makeProcess({
        maxEvents: 4,
        source: {
          type: 'EmptySource',
          parameters: (p) => p.addUntrackedParameter('numberEventsInRun', 'uint32', 2),
        },
        modules: { reader: { type: 'RunCalibrationReader', edmType: 'EDAnalyzer' } },
        paths: { p: ['reader'] },
      }),
      eventSetupModules: [
        esTest.emptySource('es', 'ESTestRecordA', [1]),
        esTest.producer('DelayedESProducer', 'delayed'),
      ],
    };
    const registry = registerBuiltInModules(esTest.makeRegistry())
      .register(RunCalibrationReader)
      .register(DelayedESProducer);
    await runProcess(description, registry);
    expect(seen).toEqual(['run 1: 7', 'run 2: 7']);
  });
});
