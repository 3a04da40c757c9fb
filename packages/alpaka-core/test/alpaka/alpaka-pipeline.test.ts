import { loadBackend } from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { journal, PointsAnalyzer, PointsProducer, PointsScaler, registerMockBackend } from './alpaka-test-modules';

const sums = (size: number, offset: number, factor: number) => {
  let x = 0;
  let y = 0;
  for (let i = 0; i < size; i++) {
    x += (i + offset) * factor;
    y += 2 * i * factor;
  }
  return `${x}:${y}`;
};

function pipeline(backend: string, streams = 1) {
  return makeProcess({
    maxEvents: 3,
    numberOfThreads: streams,
    numberOfStreams: streams,
    modules: {
      producer: {
        type: `alpaka_${backend}::PointsProducer`,
        parameters: (p) => p.addParameter('size', 'int32', 10).addParameter('offset', 'double', 0.5),
      },
      scaler: {
        type: `alpaka_${backend}::PointsScaler`,
        parameters: (p) => p.addParameter('source', 'string', 'producer').addParameter('factor', 'double', 3),
      },
      analyzer: {
        type: 'PointsAnalyzer',
        edmType: 'EDAnalyzer',
        parameters: (p) => p.addParameter('source', 'string', 'scaler'),
      },
    },
    paths: { p: ['producer', 'scaler', 'analyzer'] },
  });
}

beforeEach(() => {
  journal.length = 0;
});

describe('an alpaka pipeline', async () => {
  await loadBackend('serial_sync');

  it('on serial_sync: producer, device consumer and host analyzer see the kernels’ values', async () => {
    await runProcess(pipeline('serial_sync'), makeRegistry(PointsProducer, PointsScaler, PointsAnalyzer));
    expect(journal.filter((line) => line.startsWith('analyzer'))).toEqual(
      [1, 2, 3].map((event) => `analyzer:analyze:${event}:${sums(10, 0.5, 3)}`),
    );
  });

  it('on the mock accelerator: the same values, through a device→host copy made only for the analyzer', async () => {
    const mock = registerMockBackend();
    await runProcess(pipeline(mock.name), makeRegistry(PointsProducer, PointsScaler, PointsAnalyzer));
    expect(journal.filter((line) => line.startsWith('analyzer'))).toEqual(
      [1, 2, 3].map((event) => `analyzer:analyze:${event}:${sums(10, 0.5, 3)}`),
    );
    const statistics = mock.statistics();
    expect(statistics.launches).toBe(6);
    expect(statistics.deviceToHostCopies).toBe(3);
  });
});
