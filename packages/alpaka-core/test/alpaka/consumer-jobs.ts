// The job the consumer tests share: a producer of counts, two device consumers of it and host readers of theirs.

import { makeProcess, makeRegistry } from '../scheduling/make-process';
import { CountsAnalyzer, CountsConsumer, CountsProducer } from './semantics-test-modules';

export const registry = (): ReturnType<typeof makeRegistry> =>
  makeRegistry(CountsProducer, CountsConsumer, CountsAnalyzer);

/** producer → first (reuses its queue) → second (waits for first: its own queue, waits on the event). */
export function twoConsumers(backend: string, options: { events?: number; producer?: Record<string, number> } = {}) {
  return makeProcess({
    maxEvents: options.events ?? 2,
    modules: {
      producer: {
        type: `alpaka_${backend}::CountsProducer`,
        parameters: (p) => {
          p.addParameter('value', 'int32', 5);
          for (const [name, value] of Object.entries(options.producer ?? {})) p.addParameter(name, 'int32', value);
        },
      },
      first: {
        type: `alpaka_${backend}::CountsConsumer`,
        parameters: (p) => p.addParameter('source', 'string', 'producer').addParameter('add', 'int32', 1),
      },
      second: {
        type: `alpaka_${backend}::CountsConsumer`,
        parameters: (p) => p.addParameter('source', 'string', 'producer').addParameter('add', 'int32', 2),
      },
      firstReader: {
        type: 'CountsAnalyzer',
        edmType: 'EDAnalyzer',
        parameters: (p) => p.addParameter('source', 'string', 'first'),
      },
      secondReader: {
        type: 'CountsAnalyzer',
        edmType: 'EDAnalyzer',
        parameters: (p) => p.addParameter('source', 'string', 'second'),
      },
    },
    // `|second`: second starts after first, so first is the first consumer.
    paths: { p: ['producer', 'first', '|second', 'firstReader', 'secondReader'] },
  });
}
