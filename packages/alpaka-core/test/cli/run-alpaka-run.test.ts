import { describe, expect, it } from 'vitest';
import { runAlpakaRun } from '../../src/cli/run-alpaka-run';
import { FrameworkError } from '../../src/errors/framework-error';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { FakeClock, type Harness, makeDescription, makeHarness } from './fake-event-processor';

const fixedDate = new Date(Date.UTC(2026, 11, 1, 22, 15, 11, 123));

function run(harness: Harness, argv: string[], isTerminal = false): Promise<number> {
  return runAlpakaRun(
    argv,
    {
      stdout: harness.stdout,
      stderr: harness.stderr,
      isTerminal,
      now: () => fixedDate,
      clock: harness.clock,
      availableParallelism: () => 12,
    },
    harness.dependencies,
  );
}

const processedLine =
  /^Processed (\d+) events in (\d\.\d{6}e[+-]\d{2}) seconds, throughput ([\d.e+-]+) events\/s, CPU usage per thread: (\d+\.\d)%$/;

describe('alpaka-run: a job that succeeds', () => {
  it("leaves lazy EventSetup production out of the timed window, as pixeltrack's (which produces it at construction)", async () => {
    const clock = new FakeClock(1_000_000n, 0);
    const harness = makeHarness({ clock, behaviour: { eventSetupNanoseconds: 5_000_000_000n } });
    expect(await run(harness, ['config.ts', '--maxEvents', '10', '--progress', 'none'])).toBe(0);
    // 10 events of 1 ms each; the 5 s of ES production at the first event are not counted.
    expect(harness.stdout.lines.at(-1)).toMatch(
      /^Processed 10 events in 1\.000000e-02 seconds, throughput 1000 events/,
    );
  });

  it("prints pixeltrack's first and last lines and exits 0", async () => {
    const harness = makeHarness({ clock: new FakeClock(932_428n, (0.67 * 932_428 * 16) / 1000) });
    const code = await run(harness, ['config.ts', '--maxEvents', '10000', '-n', '16', '--progress', 'none']);
    expect(code).toBe(0);
    const lines = harness.stdout.lines;
    expect(lines[0]).toBe(
      'Processing 10000 events, with 16 concurrent events and 16 threads (the 16 streams share one JavaScript thread: asynchronous work overlaps, modules do not run in parallel; worker threads are not supported yet).',
    );
    const last = lines.at(-1) ?? '';
    expect(last).toBe(
      'Processed 10000 events in 9.324280e+00 seconds, throughput 1072.47 events/s, CPU usage per thread: 67.0%',
    );
    const [, events, seconds, throughput] = processedLine.exec(last) ?? [];
    expect(Number(events) / Number(seconds)).toBeCloseTo(Number(throughput), 1);
    expect(harness.record.ended).toBe(true);
  });

  it('says nothing about threads at one thread, and counts warm-up outside the timed window', async () => {
    const harness = makeHarness();
    const code = await run(harness, ['config.ts', '--maxEvents', '100', '--warmupEvents', '20', '--progress', 'none']);
    expect(code).toBe(0);
    expect(harness.stdout.lines).toEqual([
      'Processing 100 events, after 20 events of warm up, with 1 concurrent events and 1 threads.',
      // 100 events at 1 ms each: the 20 warm-up events are not in the time.
      'Processed 100 events in 1.000000e-01 seconds, throughput 1000 events/s, CPU usage per thread: 50.0%',
    ]);
    expect(harness.record.runs).toEqual([{ maxEvents: 20 }, { maxEvents: 100 }]);
    expect(harness.record.description?.maxEvents.input).toBe(120);
  });

  it('takes maxEvents, threads and streams from the configuration when the command line does not give them', async () => {
    const harness = makeHarness({
      description: makeDescription({ maxEvents: 7, numberOfThreads: 4, numberOfStreams: 2 }),
    });
    expect(await run(harness, ['config.ts', '--progress', 'none'])).toBe(0);
    expect(harness.stdout.lines[0]).toMatch(
      /^Processing 7 events, with 2 concurrent events and 4 threads \(the 2 streams share one JavaScript thread: /,
    );
    expect(harness.record.options?.numberOfThreads).toBe(4);
    expect(harness.record.options?.numberOfStreams).toBe(2);
    expect(harness.stdout.lines.at(-1)).toMatch(
      /^Processed 7 events in 7\.000000e-03 seconds, .* CPU usage per thread: 12\.5%$/,
    );
  });

  it('resolves -n 0 to every CPU and --numberOfStreams 0 to the threads', async () => {
    const harness = makeHarness();
    expect(
      await run(harness, ['config.ts', '-n', '0', '--numberOfStreams', '0', '--maxEvents', '3', '--progress', 'none']),
    ).toBe(0);
    expect(harness.stdout.lines[0]).toMatch(/^Processing 3 events, with 12 concurrent events and 12 threads \(/);
  });

  it('words all events and a time limit', async () => {
    const all = makeHarness({ behaviour: { sourceEvents: 4 } });
    expect(await run(all, ['config.ts', '--progress', 'none'])).toBe(0);
    expect(all.stdout.lines[0]).toBe('Processing all events, with 1 concurrent events and 1 threads.');
    expect(all.stdout.lines.at(-1)).toMatch(/^Processed 4 events in/);

    const timed = makeHarness({ behaviour: { eventsInTimeLimit: 9 } });
    expect(await run(timed, ['config.ts', '--runForMinutes', '0.5', '--progress', 'none'])).toBe(0);
    expect(timed.stdout.lines[0]).toBe('Processing for about 0.5 minutes, with 1 concurrent events and 1 threads.');
    expect(timed.record.runs).toEqual([{ runForMilliseconds: 30_000 }]);
    expect(timed.stdout.lines.at(-1)).toMatch(/^Processed 9 events in/);
  });

  it('hands the operands after CONFIG and everything after -- to the configuration', async () => {
    const harness = makeHarness();
    await run(harness, ['config.ts', 'first', '--maxEvents', '1', 'second', '--', '--not-an-option', '-n', '3']);
    expect(harness.loads).toEqual([{ file: 'config.ts', args: ['first', 'second', '--not-an-option', '-n', '3'] }]);
    expect(harness.stdout.lines[0]).toBe('Processing 1 events, with 1 concurrent events and 1 threads.');
  });
});

describe('alpaka-run: exit codes', () => {
  it('accepts the options before CONFIG as well', async () => {
    const harness = makeHarness();
    expect(await run(harness, ['-n', '2', '--maxEvents', '4', '--progress', 'none', 'config.ts'])).toBe(0);
    expect(harness.loads).toEqual([{ file: 'config.ts', args: [] }]);
    expect(harness.stdout.lines[0]).toMatch(/^Processing 4 events, with 2 concurrent events and 2 threads \(/);
  });

  it('7001 for --dump-config without a configuration', async () => {
    const harness = makeHarness();
    expect(await run(harness, ['--dump-config'])).toBe(7001);
    expect(harness.stdout.text).toBe('');
  });

  it('the code of an error constructing the processor, without endJob', async () => {
    const harness = makeHarness({ behaviour: { failIn: 'construction' } });
    expect(await run(harness, ['config.ts', '--maxEvents', '1'])).toBe(8002);
    expect(harness.stderr.text).toContain('[0] Constructing the EventProcessor');
    expect(harness.record.ended).toBe(false);
    expect(harness.stdout.text).toBe('');
  });

  it("7001 without a configuration, with cmsRun's message", async () => {
    const harness = makeHarness();
    expect(await run(harness, [])).toBe(7001);
    expect(harness.stderr.lines[0]).toBe('alpaka-run: No configuration file given.');
    expect(harness.loads).toEqual([]);
  });

  it("7000 for an unknown flag or a bad value, with commander's message", async () => {
    const unknown = makeHarness();
    expect(await run(unknown, ['config.ts', '--numberOfThread', '2'])).toBe(7000);
    expect(unknown.stderr.text).toMatch(/unknown option '--numberOfThread'/);
    const bad = makeHarness();
    expect(await run(bad, ['config.ts', '--maxEvents', 'ten'])).toBe(7000);
    expect(bad.stderr.text).toMatch(/argument 'ten' is invalid/);
    const choice = makeHarness();
    expect(await run(choice, ['config.ts', '--progress', 'fancy'])).toBe(7000);
    expect(bad.loads).toEqual([]);
  });

  it("7000 with pixeltrack's message for --maxEvents and --runForMinutes together", async () => {
    const harness = makeHarness();
    expect(await run(harness, ['config.ts', '--maxEvents', '10', '--runForMinutes', '1'])).toBe(7000);
    expect(harness.stderr.text).toBe('Got both --maxEvents and --runForMinutes, please give only one of them\n');
  });

  it('0 for --help, printing the options', async () => {
    const harness = makeHarness();
    expect(await run(harness, ['--help'])).toBe(0);
    expect(harness.stdout.text).toMatch(/--numberOfThreads/);
    expect(harness.stdout.text).toMatch(/--runForMinutes/);
  });

  it("the loader's code (7002) with the fatal exception frame", async () => {
    const harness = makeHarness({
      loadError: new FrameworkError('ConfigFileReadError', 'SyntaxError: Unexpected token'),
    });
    expect(await run(harness, ['broken.ts'])).toBe(7002);
    expect(harness.stderr.text).toContain('----- Begin Fatal Exception 01-Dec-2026 22:15:11 UTC');
    expect(harness.stderr.text).toContain("An exception of category 'ConfigFileReadError' occurred while");
    expect(harness.stderr.text).toContain('[0] Processing the configuration file named broken.ts');
    expect(harness.stderr.text).toContain('----- End Fatal Exception');
    expect(harness.record.description).toBeUndefined();
  });

  it('7002 for a plain error from the loader', async () => {
    const harness = makeHarness({ loadError: new TypeError('process.foo is not a function') });
    expect(await run(harness, ['broken.ts'])).toBe(7002);
    expect(harness.stderr.text).toContain('process.foo is not a function');
  });

  it.each([
    ['a cms::Exception-like category', new FrameworkError('Assert', 'assertion failed'), 8001, "category 'Assert'"],
    ['a plain Error', new Error('boom'), 8002, 'A std::exception was thrown.\nboom'],
    [
      'ProductNotFound',
      new FrameworkError('ProductNotFound', 'Principal::getByToken: Found zero products matching all criteria'),
      8006,
      'TryToContinue',
    ],
  ])("the job's code for %s thrown by a module, after endJob", async (_name, error, code, text) => {
    const harness = makeHarness({
      behaviour: { modules: [{ label: 'producer', type: 'IntProducer' }], failAtEvent: { event: 3, error } },
    });
    expect(await run(harness, ['config.ts', '--maxEvents', '10', '--progress', 'none'])).toBe(code);
    expect(harness.stderr.text).toContain(text);
    expect(harness.stderr.text).toContain('[0] Calling EventProcessor::runToCompletion');
    expect(harness.record.ended).toBe(true);
    // No result line for a job that failed.
    expect(harness.stdout.text).not.toMatch(/^Processed/m);
  });

  it('9000 when the process caught a signal: no new events, endJob, the result line for what was done', async () => {
    const controller = new AbortController();
    const harness = makeHarness({
      behaviour: { afterEvent: (event) => event === 3 && controller.abort('SIGINT') },
    });
    const code = await runAlpakaRun(
      ['config.ts', '--maxEvents', '10', '--progress', 'none'],
      {
        stdout: harness.stdout,
        stderr: harness.stderr,
        isTerminal: false,
        clock: harness.clock,
        abortSignal: controller.signal,
      },
      harness.dependencies,
    );
    expect(code).toBe(9000);
    expect(harness.record.runs[0]?.signal).toBe(controller.signal);
    expect(harness.record.ended).toBe(true);
    expect(harness.stdout.lines.at(-1)).toMatch(/^Processed 3 events in 3\.000000e-03 seconds/);
    expect(harness.stderr.text).toContain("An exception of category 'CaughtSignal'");
    expect(harness.stderr.text).toContain('caught SIGINT');
  });

  it('the code of an error from beginJob or endJob', async () => {
    const begin = makeHarness({ behaviour: { failIn: 'beginJob' } });
    expect(await run(begin, ['config.ts', '--maxEvents', '1'])).toBe(8002);
    expect(begin.stderr.text).toContain('[0] Calling beginJob');
    expect(begin.stdout.text).toBe('');
    const end = makeHarness({ behaviour: { failIn: 'endJob' } });
    expect(await run(end, ['config.ts', '--maxEvents', '1', '--progress', 'none'])).toBe(8002);
    expect(end.stderr.text).toContain('[0] Calling endJob');
  });
});

describe('alpaka-run: the other commands', () => {
  it('--list-modules prints every type without a configuration', async () => {
    const harness = makeHarness();
    expect(await run(harness, ['--list-modules'])).toBe(0);
    expect(harness.stdout.lines).toEqual(['IntProducer', 'IntAnalyzer']);
  });

  it('--help-module prints the description', async () => {
    const harness = makeHarness();
    expect(await run(harness, ['--help-module', 'IntProducer'])).toBe(0);
    expect(harness.stdout.text).toBe('IntProducer\n  parameters: none\n');
  });

  it('--help-module of an unknown type exits with its error code', async () => {
    const harness = makeHarness();
    harness.dependencies.describeModule = async (name) => {
      throw harness.dependencies.registry.unknownTypeError(name);
    };
    expect(await run(harness, ['--help-module', 'IntProduce'])).toBe(8009);
    expect(harness.stderr.text).toContain("Unable to find plugin 'IntProduce'");
  });

  it('--dump-config validates, then prints the formatted configuration without running', async () => {
    const harness = makeHarness();
    const validated: string[] = [];
    harness.dependencies.validateDescription = async (description) => {
      validated.push(description.name);
    };
    expect(await run(harness, ['config.ts', '--dump-config', 'extra'])).toBe(0);
    expect(validated).toEqual(['TEST']);
    expect(harness.stdout.text).toBe('process = Process("TEST")\n');
    expect(harness.loads).toEqual([{ file: 'config.ts', args: ['extra'] }]);
    expect(harness.record.description).toBeUndefined();
  });

  it('--set and the splitting flags change the loaded configuration after validation has inserted the defaults', async () => {
    const description = {
      ...makeDescription(),
      source: { label: 'source', type: 'EmptySource', edmType: 'Source' as const, parameters: new ParameterSet() },
    };
    const harness = makeHarness({ description });
    harness.dependencies.validateDescription = async (validated) => {
      validated.source?.parameters.addUntrackedParameter('firstEvent', 'uint32', 1);
    };
    const argv = ['config.ts', '--firstEvent', '26', '--lastEvent', '50', '--progress', 'none'];
    expect(await run(harness, argv)).toBe(0);
    expect(harness.record.description?.source?.parameters.getUntrackedParameter('firstEvent')).toBe(26);
    expect(harness.record.description?.maxEvents.input).toBe(25);
    const refused = makeHarness({
      description: { ...description, source: { ...description.source, parameters: new ParameterSet() } },
    });
    expect(await run(refused, ['config.ts', '--set', 'source.firstEvent=x', '--progress', 'none'])).toBe(7000);
    expect(refused.stderr.text).toContain(
      '--set source.firstEvent=x: source (EmptySource) has no parameter "firstEvent"',
    );
    expect(refused.record.description).toBeUndefined();
  });

  it('--dump-config exits 8009 when validation fails', async () => {
    const harness = makeHarness();
    harness.dependencies.validateDescription = async () => {
      throw new FrameworkError('Configuration', 'Missing required parameter.');
    };
    expect(await run(harness, ['config.ts', '--dump-config'])).toBe(8009);
    expect(harness.stdout.text).toBe('');
  });
});
