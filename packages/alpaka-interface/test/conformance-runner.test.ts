import { describe, expect, it } from 'vitest';
import { loadBackend } from '../src/index';
import {
  type ConformanceCase,
  ConformanceFailure,
  conformanceCases,
  expectEqual,
  runConformanceSuite,
} from '../src/testing/index';

describe('the plain conformance runner', () => {
  it('runs the cases a backend supports and reports each result', async () => {
    const backend = await loadBackend('@acme/alpaka-backend-fixture', { from: import.meta.url });
    const seen: string[] = [];
    const report = await runConformanceSuite(backend, {
      filter: /^(queue|event|copy) ›/,
      onResult: (result) => seen.push(result.category),
    });
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(
      conformanceCases.filter((testCase) => ['queue', 'event', 'copy'].includes(testCase.category)).length,
    );
    expect(new Set(seen)).toEqual(new Set(['queue', 'event', 'copy']));
  });

  it('counts failures and keeps going', async () => {
    const backend = await loadBackend('@acme/alpaka-backend-fixture', { from: import.meta.url });
    const cases: ConformanceCase[] = [
      { category: 'demo', name: 'fails', run: async () => expectEqual(1, 2, 'one') },
      { category: 'demo', name: 'passes', run: async () => {} },
    ];
    const report = await runConformanceSuite(backend, { cases });
    expect([report.passed, report.failed]).toEqual([1, 1]);
    expect(report.results[0]?.error).toBeInstanceOf(ConformanceFailure);
    expect(report.results[0]?.error?.message).toBe('one: expected 2, got 1');
  });

  it('has every category the issue lists', () => {
    const categories = new Set(conformanceCases.map((testCase) => testCase.category));
    for (const category of [
      'queue',
      'event',
      'mem/buf',
      'view',
      'copy',
      'kernel',
      'workDiv',
      'idx',
      'exec',
      'block/shared',
      'block/sharedSharing',
      'block/sync',
      'atomic',
      'mem/fence',
      'warp',
      'math',
    ]) {
      expect(categories.has(category), category).toBe(true);
    }
  });
});
