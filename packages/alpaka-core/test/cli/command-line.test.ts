import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it("turns the splitting flags into the source parameters they set, after every --set, as TweakPSet's", () => {
    const { outcome } = parse([
      'c.ts',
      '--set',
      'out.fileName=job2.arrow',
      '--firstEvent',
      '26',
      '--lastEvent',
      '50',
      '--firstRun',
      '3',
      '--firstLumi',
      '2',
      '--inputFile',
      'a.arrow,b.arrow',
      '--runAndLumis',
      '{"3": [[1, 4], [9, 9]], "4": [[1, 2]]}',
      '--set=source.skipEvents=1',
    ]);
    expect(outcome.kind === 'run' && outcome.commandLine.maxEvents).toBe(25);
    expect(outcome.kind === 'run' && outcome.commandLine.parameterAssignments).toEqual([
      { path: 'out.fileName', value: 'job2.arrow' },
      { path: 'source.skipEvents', value: '1' },
      { path: 'source.firstEvent', value: '26', creates: { type: 'uint32', tracked: false } },
      { path: 'source.firstRun', value: '3', creates: { type: 'uint32', tracked: false } },
      { path: 'source.firstLuminosityBlock', value: '2', creates: { type: 'uint32', tracked: false } },
      { path: 'source.fileNames', value: 'a.arrow,b.arrow', creates: { type: 'vstring', tracked: false } },
      {
        path: 'source.lumisToProcess',
        value: '3:1-3:4,3:9-3:9,4:1-4:2',
        creates: { type: 'VLuminosityBlockRange', tracked: false },
      },
    ]);
  });

  it('reads --runAndLumis from a file, as CRAB hands a job its job_lumis JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'run-and-lumis-')), 'job_lumis_3.json');
    writeFileSync(file, '{"7": [[2, 5]]}');
    const { outcome } = parse(['c.ts', '--runAndLumis', file]);
    expect(outcome.kind === 'run' && outcome.commandLine.parameterAssignments[0]?.value).toBe('7:2-7:5');
    const missing = parse(['c.ts', '--runAndLumis', join(file, 'nothing.json')]);
    expect(missing.outcome).toEqual({ kind: 'exit', exitCode: 7000 });
    expect(missing.stderr.text).toContain('It is neither inline JSON nor a file that can be read');
  });

  it.each([
    [['c.ts', '--lastEvent', '5'], 'Got --lastEvent without --firstEvent, please give both'],
    [['c.ts', '--firstEvent', '9', '--lastEvent', '5'], 'Got a --lastEvent before --firstEvent'],
    [['c.ts', '--firstEvent', '1', '--lastEvent', '5', '--maxEvents', '3'], 'Got --lastEvent with --maxEvents'],
    [['c.ts', '--set', 'fileName=x'], 'It must be LABEL.PARAMETER=VALUE'],
    [['c.ts', '--runAndLumis', '{"1": [[1]]}'], 'Run "1": [1] is not a [firstLumi, lastLumi] pair.'],
    [['c.ts', '--runAndLumis', '[1]'], 'It must be a JSON object of runs'],
  ])('refuses %j with 7000 and says why', (argv, message) => {
    const { outcome, stderr } = parse(argv);
    expect(outcome).toEqual({ kind: 'exit', exitCode: 7000 });
    expect(stderr.text).toContain(message);
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
