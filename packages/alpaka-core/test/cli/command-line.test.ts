import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/command-line';
import { CapturedOutput } from './fake-event-processor';

function parse(argv: string[]) {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  return { outcome: parseCommandLine(argv, { stdout, stderr }), stderr };
}

describe("alpaka-run's command line", () => {
  it('reads -1 (all events) for --maxEvents, spaced or with =', () => {
    for (const argv of [
      ['c.ts', '--maxEvents', '-1'],
      ['c.ts', '--maxEvents=-1'],
    ]) {
      const { outcome } = parse(argv);
      expect(outcome.kind === 'run' && outcome.commandLine.maxEvents).toBe(-1);
    }
  });

  it('leaves what was not given undefined, so the configuration decides', () => {
    const { outcome } = parse(['c.ts']);
    expect(outcome).toMatchObject({
      kind: 'run',
      commandLine: {
        configurationFile: 'c.ts',
        numberOfThreads: undefined,
        numberOfStreams: undefined,
        maxEvents: undefined,
        warmupEvents: 0,
        wantSummary: false,
        progress: 'auto',
      },
    });
  });

  it.each([
    [['c.ts', '-n', '-1'], /numberOfThreads/],
    [['c.ts', '--numberOfStreams', '1.5'], /It must be an integer/],
    [['c.ts', '--maxEvents', '-2'], /at least -1/],
    [['c.ts', '--runForMinutes', '0'], /positive number of minutes/],
    [['c.ts', '--trace'], /argument missing/],
  ])('refuses %j with 7000 and says why', (argv, message) => {
    const { outcome, stderr } = parse(argv);
    expect(outcome).toEqual({ kind: 'exit', exitCode: 7000 });
    expect(stderr.text).toMatch(message);
  });
});
