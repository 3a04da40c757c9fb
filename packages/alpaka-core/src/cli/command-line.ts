import type { Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { edmErrorCodes } from '../errors/exception-categories';
import type { ProgressMode } from '../services/progress';

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
}

export type CommandLineOutcome =
  | { readonly kind: 'run'; readonly commandLine: AlpakaRunCommandLine }
  /** Help was printed (0) or the command line was refused (7000, the message already written). */
  | { readonly kind: 'exit'; readonly exitCode: number };

/** pixeltrack's message for --maxEvents together with --runForMinutes (exit 7000, CommandLineProcessing). */
export const exclusiveEventLimitsMessage = 'Got both --maxEvents and --runForMinutes, please give only one of them';

export const programName = 'alpaka-run';

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
  if (options.maxEvents !== undefined && options.runForMinutes !== undefined) {
    output.stderr.write(`${exclusiveEventLimitsMessage}\n`);
    return { kind: 'exit', exitCode: edmErrorCodes.CommandLineProcessing };
  }
  const [configurationFile, configurationArguments] = program.processedArgs as [string | undefined, string[]];
  return {
    kind: 'run',
    commandLine: {
      configurationFile,
      configurationArguments,
      numberOfThreads: options.numberOfThreads,
      numberOfStreams: options.numberOfStreams,
      maxEvents: options.maxEvents,
      runForMinutes: options.runForMinutes,
      warmupEvents: options.warmupEvents,
      wantSummary: options.wantSummary === true,
      progress: options.progress,
      trace: options.trace,
      dumpConfig: options.dumpConfig === true,
      helpModule: options.helpModule,
      listModules: options.listModules === true,
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

function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('It must be a positive number of minutes.');
  }
  return value;
}
