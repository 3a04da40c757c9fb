import { describe, expect, it } from 'vitest';
import { runAlpakaRun } from '../../src/cli/run-alpaka-run';
import { type Harness, makeDescription, makeHarness } from './fake-event-processor';

const fixedDate = new Date(Date.UTC(2026, 11, 1, 22, 15, 11, 123));

function run(harness: Harness, argv: string[], isTerminal = false): Promise<number> {
  return runAlpakaRun(
    argv,
    { stdout: harness.stdout, stderr: harness.stderr, isTerminal, now: () => fixedDate, clock: harness.clock },
    harness.dependencies,
  );
}

const modules = [{ label: 'producer', type: 'IntProducer' }];

describe('alpaka-run: summary and progress', () => {
  it('prints the TrigReport and the timing table after the result line with --wantSummary', async () => {
    const harness = makeHarness({ behaviour: { modules } });
    expect(await run(harness, ['config.ts', '--maxEvents', '5', '--progress', 'none', '--wantSummary'])).toBe(0);
    const text = harness.stdout.text;
    const resultAt = text.indexOf('Processed 5 events');
    const reportAt = text.indexOf('TrigReport ---------- Event  Summary ------------');
    expect(resultAt).toBeGreaterThan(0);
    expect(reportAt).toBeGreaterThan(resultAt);
    expect(text).toContain('TrigReport Events total = 5 passed = 5 failed = 0');
    const timingRow = text.split('\n').find((line) => line.includes('producer') && line.includes('IntProducer')) ?? '';
    expect(timingRow.split('│').map((cell) => cell.trim())[4]).toBe('5');
  });

  it('takes wantSummary from process.options too, and prints no summary without it', async () => {
    const fromOptions = makeHarness({ description: makeDescription({ wantSummary: true }) });
    expect(await run(fromOptions, ['config.ts', '--maxEvents', '1', '--progress', 'none'])).toBe(0);
    expect(fromOptions.stdout.text).toContain('TrigReport Events total = 1');
    const without = makeHarness();
    expect(await run(without, ['config.ts', '--maxEvents', '1', '--progress', 'none'])).toBe(0);
    expect(without.stdout.text).not.toContain('TrigReport');
  });

  it('writes throttled progress lines to stderr when it is not a terminal (auto)', async () => {
    const harness = makeHarness({ behaviour: { modules } });
    expect(await run(harness, ['config.ts', '--maxEvents', '25', '--warmupEvents', '5'])).toBe(0);
    const lines = harness.stderr.lines;
    expect(lines[0]).toBe(
      'Begin processing the 1st record. Run 1, Event 1, LumiSection 1 at 01-Dec-2026 22:15:11.123 UTC',
    );
    expect(lines.map((line) => /the (\d+)\w\w record/.exec(line)?.[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '20',
      '30',
    ]);
    expect(harness.stdout.text).not.toContain('Begin processing');
  });

  it('draws a bar on a terminal instead of lines (auto)', async () => {
    const harness = makeHarness({ behaviour: { modules } });
    expect(await run(harness, ['config.ts', '--maxEvents', '3'], true)).toBe(0);
    expect(harness.stderr.text).not.toContain('Begin processing');
    expect(harness.stderr.text).toMatch(/3\/3 events/);
  });
});
