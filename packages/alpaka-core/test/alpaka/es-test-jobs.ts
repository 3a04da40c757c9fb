// The jobs of the alpaka ESProducer tests: EmptySource → an alpaka ED module reading an ES collection (A's, or
// D's 'scaled') into the event → a host analyzer of its sums, with the ES modules of es-test-modules.ts.

import type { ModuleDescription, ProcessDescription } from '../../src/configuration/process-description';
import { isFrameworkError } from '../../src/errors/framework-error';
import { registerBuiltInEventSetupModules } from '../../src/event-setup/register-built-in-event-setup-modules';
import { makeProcess, makeRegistry } from '../scheduling/make-process';
import { journal, PointsAnalyzer } from './alpaka-test-modules';
import {
  ESReadingProducer,
  esModuleDescription,
  HostESReader,
  recordASource,
  synchronizeParameters,
  TestAlpakaESProducerA,
  TestAlpakaESProducerD,
} from './es-test-modules';

export function registry() {
  return registerBuiltInEventSetupModules(
    makeRegistry(TestAlpakaESProducerA, TestAlpakaESProducerD, ESReadingProducer, HostESReader, PointsAnalyzer),
  );
}

export interface JobOptions {
  readonly streams?: number;
  readonly events?: number;
  readonly eventsInRun?: number;
  readonly firstValid?: readonly number[];
  /** Which ES product the ED reader reads: A's (host product, its copy on devices) or D's ('scaled'). */
  readonly read?: 'A' | 'D' | 'host-only';
  readonly aNull?: boolean;
  readonly nullOn?: readonly number[];
  readonly synchronize?: boolean;
}

/** EmptySource → reader (ES collection into the event) → analyzer (host sums), with ES modules A and D. */
export function job(backend: string, options: JobOptions = {}): ProcessDescription {
  const streams = options.streams ?? 1;
  const read = options.read ?? 'A';
  const description = makeProcess({
    maxEvents: options.events ?? 2,
    numberOfThreads: streams,
    numberOfStreams: streams,
    source: {
      type: 'EmptySource',
      parameters: (p) => p.addUntrackedParameter('numberEventsInRun', 'uint32', options.eventsInRun ?? 100),
    },
    modules:
      read === 'host-only'
        ? { hostReader: { type: 'HostESReader', edmType: 'EDAnalyzer' } }
        : {
            reader: {
              type: `alpaka_${backend}::ESReadingProducer`,
              parameters: (p) => p.addParameter('esLabel', 'string', read === 'D' ? ':scaled' : ''),
            },
            analyzer: {
              type: 'PointsAnalyzer',
              edmType: 'EDAnalyzer',
              parameters: (p) => p.addParameter('source', 'string', 'reader'),
            },
          },
    paths: { p: read === 'host-only' ? ['hostReader'] : ['reader', 'analyzer'] },
  });
  const esModules: ModuleDescription[] = [
    recordASource(options.firstValid),
    esModuleDescription('ESProducer', `alpaka_${backend}::TestAlpakaESProducerA`, 'esA', (p) => {
      p.addParameter('value', 'int32', 42);
      if (options.aNull === true) p.addParameter('returnNull', 'bool', true);
    }),
    esModuleDescription('ESProducer', `alpaka_${backend}::TestAlpakaESProducerD`, 'esD', (p) => {
      p.addParameter('factor', 'double', 2).addParameter('nullOn', 'vint32', options.nullOn ?? []);
      if (options.synchronize !== undefined) {
        p.addUntrackedParameter('alpaka', 'PSet', synchronizeParameters(options.synchronize));
      }
    }),
  ];
  return { ...description, eventSetupModules: esModules };
}

/** The analyzer's sums of x and y for A's points (x = 42 − i + 100·run, y = i), scaled. */
export function sums(run: number, factor = 1): string {
  let x = 0;
  let y = 0;
  for (let i = 0; i < 10; i++) {
    x += (42 - i + 100 * run) * factor;
    y += i * factor;
  }
  return `${x}:${y}`;
}

export const analyzed = () => journal.filter((line) => line.startsWith('analyzer'));

export async function failure(promise: Promise<unknown>): Promise<{ category: string; message: string }> {
  try {
    await promise;
  } catch (thrown) {
    if (isFrameworkError(thrown)) return { category: thrown.category, message: thrown.message };
    throw thrown;
  }
  throw new Error('the job did not fail');
}
