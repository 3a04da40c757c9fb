import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { edmErrorCodes } from '../errors/exception-categories';
import type { ParameterTypeName } from '../parameter-set/parameter-type';
import type { ProgressMode } from '../services/progress';
import { type ParameterAssignment, parseAssignment } from './parameter-assignments';

/**
 * alpaka-run's command line (cmsRun's and pixeltrack's main's options in one), parsed by commander:
 * `alpaka-run CONFIG [options] [-- configuration arguments]`. Operands after CONFIG that are not options, and
 * everything after `--`, reach the configuration, as cmsRun hands trailing arguments to the Python script.
 */
export interface AlpakaRunCommandLine {
  readonly configurationFile: string | undefined;
  readonly configurationArguments: readonly string[];
  /** -n: undefined when not given (process.options decides); 0 means every CPU. */
  readonly numberOfThreads: number | undefined;
  /** undefined when not given; 0 means as many streams as threads. */
  readonly numberOfStreams: number | undefined;
  /** undefined when not given (process.maxEvents.input decides); -1 means every event. */
  readonly maxEvents: number | undefined;
  readonly runForMinutes: number | undefined;
  readonly warmupEvents: number;
  /** true when --wantSummary was given (process.options.wantSummary may also ask for it). */
  readonly wantSummary: boolean;
  readonly progress: ProgressMode;
  readonly trace: string | undefined;
  readonly dumpConfig: boolean;
  readonly helpModule: string | undefined;
  readonly listModules: boolean;
  /**
   * Per-job values (CRAB's TweakPSet): every `--set`, and the splitting flags as the source parameters they set
   * (`--firstEvent` source.firstEvent, `--firstRun`, `--firstLumi` source.firstLuminosityBlock, `--inputFile`
   * source.fileNames, `--runAndLumis` source.lumisToProcess), in that order.
   */
  readonly parameterAssignments: readonly ParameterAssignment[];
}

export type CommandLineOutcome =
  | { readonly kind: 'run'; readonly commandLine: AlpakaRunCommandLine }
  /** Help was printed (0) or the command line was refused (7000, the message already written). */
  | { readonly kind: 'exit'; readonly exitCode: number };

/** pixeltrack's message for --maxEvents together with --runForMinutes (exit 7000, CommandLineProcessing). */
export const exclusiveEventLimitsMessage = 'Got both --maxEvents and --runForMinutes, please give only one of them';

export const programName = 'alpaka-run';

/** --lastEvent is a count from --firstEvent (TweakPSet's maxEvents = last - first + 1). */
export const lastEventNeedsFirstMessage = 'Got --lastEvent without --firstEvent, please give both';
export const lastEventBeforeFirstMessage = 'Got a --lastEvent before --firstEvent, please give a range in order';
const eventLimitsMessage = 'Got --lastEvent with --maxEvents or --runForMinutes, please give only one of them';

export function parseCommandLine(
  argv: readonly string[],
  output: { readonly stdout: Writable; readonly stderr: Writable },
): CommandLineOutcome {
  const program = buildProgram(output);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return { kind: 'exit', exitCode: error.exitCode === 0 ? 0 : edmErrorCodes.CommandLineProcessing };
    }
    throw error;
  }
  const options = program.opts<ParsedOptions>();
  const refuse = (message: string): CommandLineOutcome => {
    output.stderr.write(`${message}\n`);
    return { kind: 'exit', exitCode: edmErrorCodes.CommandLineProcessing };
  };
  if (options.maxEvents !== undefined && options.runForMinutes !== undefined)
    return refuse(exclusiveEventLimitsMessage);
  let maxEvents = options.maxEvents;
  if (options.lastEvent !== undefined) {
    if (options.firstEvent === undefined) return refuse(lastEventNeedsFirstMessage);
    if (options.lastEvent < options.firstEvent) return refuse(lastEventBeforeFirstMessage);
    if (maxEvents !== undefined || options.runForMinutes !== undefined) return refuse(eventLimitsMessage);
    maxEvents = options.lastEvent - options.firstEvent + 1;
  }
  const [configurationFile, configurationArguments] = program.processedArgs as [string | undefined, string[]];
  return {
    kind: 'run',
    commandLine: {
      configurationFile,
      configurationArguments,
      numberOfThreads: options.numberOfThreads,
      numberOfStreams: options.numberOfStreams,
      maxEvents,
      runForMinutes: options.runForMinutes,
      warmupEvents: options.warmupEvents,
      wantSummary: options.wantSummary === true,
      progress: options.progress,
      trace: options.trace,
      dumpConfig: options.dumpConfig === true,
      helpModule: options.helpModule,
      listModules: options.listModules === true,
      parameterAssignments: splittingAssignments(options),
    },
  };
}

interface ParsedOptions {
  numberOfThreads?: number;
  numberOfStreams?: number;
  maxEvents?: number;
  runForMinutes?: number;
  warmupEvents: number;
  wantSummary?: boolean;
  progress: ProgressMode;
  trace?: string;
  dumpConfig?: boolean;
  helpModule?: string;
  listModules?: boolean;
  set: ParameterAssignment[];
  firstEvent?: number;
  lastEvent?: number;
  firstRun?: number;
  firstLumi?: number;
  inputFile?: string;
  runAndLumis?: string;
}

function splittingAssignments(options: ParsedOptions): ParameterAssignment[] {
  // CMSSW's types for these source parameters, to create them where the source's configuration has none.
  const source = (name: string, value: string | number | undefined, type: ParameterTypeName): ParameterAssignment[] =>
    value === undefined ? [] : [{ path: `source.${name}`, value: String(value), creates: { type, tracked: false } }];
  return [
    ...options.set,
    ...source('firstEvent', options.firstEvent, 'uint32'),
    ...source('firstRun', options.firstRun, 'uint32'),
    ...source('firstLuminosityBlock', options.firstLumi, 'uint32'),
    ...source('fileNames', options.inputFile, 'vstring'),
    ...source('lumisToProcess', options.runAndLumis, 'VLuminosityBlockRange'),
  ];
}

function buildProgram(output: { readonly stdout: Writable; readonly stderr: Writable }): Command {
  return new Command(programName)
    .usage('CONFIG [options] [-- configuration arguments]')
    .description("Runs an alpaka-ts configuration: cmsRun and pixeltrack-standalone's main in one.")
    .argument('[configuration]', 'the configuration module (.ts or .js) whose default export is a Process')
    .argument('[configurationArguments...]', 'arguments handed to the configuration (also everything after --)')
    .option('-n, --numberOfThreads <N>', 'threads (0: every CPU); default process.options', integerAtLeast(0))
    .option(
      '--numberOfStreams <N>',
      'concurrent events (0: as many as threads); default process.options',
      integerAtLeast(0),
    )
    .option('--maxEvents <N>', 'events to process (-1: all); default process.maxEvents.input', integerAtLeast(-1))
    .option('--runForMinutes <M>', 'process events for about M minutes (exclusive with --maxEvents)', positiveNumber)
    .option('--warmupEvents <N>', 'events processed before the timed run', integerAtLeast(0), 0)
    .option('--wantSummary', 'print the TrigReport and the per-module timing table at the end')
    .addOption(
      new Option('--progress <mode>', 'progress display: a bar on a terminal, throttled lines elsewhere')
        .choices(['auto', 'bar', 'lines', 'none'])
        .default('auto'),
    )
    .option('--trace <FILE>', 'write a Chrome trace-event JSON file (open it in Perfetto)')
    .option('--dump-config', 'print the fully expanded configuration, defaults inserted, and exit')
    .option('--help-module <TYPE>', 'print the parameter description of a module type and exit')
    .option('--list-modules', 'list every known module type and exit')
    .option(
      '--set <LABEL.PARAMETER=VALUE>',
      "set a module's parameter for this job (source.firstEvent=26, out.fileName=job3.arrow); repeatable",
      collectAssignment,
      [],
    )
    .option('--firstEvent <N>', "this job's first event: source.firstEvent", integerAtLeast(1))
    .option('--lastEvent <N>', "this job's last event: maxEvents = lastEvent - firstEvent + 1", integerAtLeast(1))
    .option('--firstRun <N>', 'source.firstRun', integerAtLeast(1))
    .option('--firstLumi <N>', 'source.firstLuminosityBlock', integerAtLeast(1))
    .option('--inputFile <FILES>', 'source.fileNames, comma-separated')
    .option(
      '--runAndLumis <JSON|FILE>',
      'source.lumisToProcess from CRAB\'s {"run": [[first, last], …]}, inline or in a file',
      runAndLumisRanges,
    )
    .helpOption('-h, --help', 'print this help and exit')
    .showHelpAfterError(`(run ${programName} --help for the options)`)
    .configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
    })
    .exitOverride();
}

function integerAtLeast(minimum: number): (text: string) => number {
  return (text) => {
    if (!/^[+-]?\d+$/.test(text.trim())) throw new InvalidArgumentError('It must be an integer.');
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < minimum) {
      throw new InvalidArgumentError(`It must be an integer of at least ${minimum}.`);
    }
    return value;
  };
}

function collectAssignment(text: string, previous: ParameterAssignment[]): ParameterAssignment[] {
  const assignment = parseAssignment(text);
  if (assignment === undefined)
    throw new InvalidArgumentError('It must be LABEL.PARAMETER=VALUE, e.g. source.firstEvent=26.');
  return [...previous, assignment];
}

/**
 * CRAB's job_lumis JSON (`{"1": [[1, 10], [15, 15]]}`), inline or the path of a file holding it (as CRAB's
 * TweakPSet is given job_lumis_N.json), as the comma-separated ranges lumisToProcess reads.
 */
function runAndLumisRanges(given: string): string {
  let text = given;
  if (!/^\s*[[{]/.test(given)) {
    try {
      text = readFileSync(given, 'utf8');
    } catch (error) {
      throw new InvalidArgumentError(
        `It is neither inline JSON nor a file that can be read: ${(error as Error).message}`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError('It must be JSON: {"run": [[firstLumi, lastLumi], …], …}.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InvalidArgumentError('It must be a JSON object of runs: {"run": [[firstLumi, lastLumi], …], …}.');
  const ranges: string[] = [];
  for (const [run, blocks] of Object.entries(parsed)) {
    const pairs = Array.isArray(blocks) ? blocks : [];
    if (!/^\d+$/.test(run) || pairs.length === 0)
      throw new InvalidArgumentError(`Run "${run}" must be a run number with a list of [firstLumi, lastLumi] pairs.`);
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((lumi) => Number.isSafeInteger(lumi) && lumi > 0))
        throw new InvalidArgumentError(`Run "${run}": ${JSON.stringify(pair)} is not a [firstLumi, lastLumi] pair.`);
      ranges.push(`${run}:${pair[0]}-${run}:${pair[1]}`);
    }
  }
  return ranges.join(',');
}

function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('It must be a positive number of minutes.');
  }
  return value;
}
