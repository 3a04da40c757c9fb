import { describe, expect, it } from 'vitest';
import type { TriggerReport } from '../../src/scheduling/trigger-report';
import { formatTriggerReport } from '../../src/services/trigger-report-printer';

const report: TriggerReport = {
  eventsTotal: 10,
  eventsPassed: 6,
  eventsFailed: 4,
  paths: [
    {
      name: 'p',
      bit: 0,
      visited: 10,
      passed: 6,
      failed: 4,
      error: 0,
      modules: [
        { label: 'producer', visited: 10, passed: 10, failed: 0, error: 0 },
        { label: 'filter', visited: 10, passed: 6, failed: 4, error: 0 },
      ],
    },
  ],
  endPaths: [
    {
      name: 'e',
      bit: 1,
      visited: 10,
      passed: 10,
      failed: 0,
      error: 0,
      modules: [{ label: 'out', visited: 10, passed: 10, failed: 0, error: 0 }],
    },
  ],
  modules: [
    { label: 'producer', type: 'IntProducer', visited: 10, run: 10, passed: 10, failed: 0, error: 0 },
    { label: 'filter', type: 'IntFilter', visited: 10, run: 10, passed: 6, failed: 4, error: 0 },
    { label: 'out', type: 'TestOutputModule', visited: 10, run: 10, passed: 10, failed: 0, error: 0 },
  ],
};

describe("CMSSW's TrigReport", () => {
  it('prints the event, path, end-path, modules-in-path and module summaries in CMSSW layout', () => {
    expect(formatTriggerReport(report).split('\n')).toEqual([
      'TrigReport ---------- Event  Summary ------------',
      'TrigReport Events total = 10 passed = 6 failed = 4',
      '',
      'TrigReport ---------- Path   Summary ------------',
      'TrigReport  Trig Bit#   Executed     Passed     Failed      Error Name',
      'TrigReport     1    0         10          6          4          0 p',
      '',
      'TrigReport -------End-Path   Summary ------------',
      'TrigReport  Trig Bit#   Executed     Passed     Failed      Error Name',
      'TrigReport     0    1         10         10          0          0 e',
      '',
      'TrigReport ---------- Modules in Path: p ------------',
      'TrigReport  Trig Bit#    Visited     Passed     Failed      Error Name',
      'TrigReport     1    0         10         10          0          0 producer',
      'TrigReport     1    0         10          6          4          0 filter',
      '',
      'TrigReport ------ Modules in End-Path: e ------------',
      'TrigReport  Trig Bit#    Visited     Passed     Failed      Error Name',
      'TrigReport     0    1         10         10          0          0 out',
      '',
      'TrigReport ---------- Module Summary ------------',
      'TrigReport    Visited   Executed     Passed     Failed      Error Name',
      'TrigReport         10         10         10          0          0 producer',
      'TrigReport         10         10          6          4          0 filter',
      'TrigReport         10         10         10          0          0 out',
      '',
      '',
    ]);
  });

  it('counts every event as passed when there is no trigger path, as CMSSW does', () => {
    const text = formatTriggerReport({ ...report, eventsPassed: 0, eventsFailed: 0, paths: [] });
    expect(text.split('\n')[1]).toBe('TrigReport Events total = 10 passed = 10 failed = 0');
  });
});
