import type { Writable } from 'node:stream';
import type { ProcessDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { edmErrorCodes } from '../errors/exception-categories';
import { formatFatalException } from '../errors/fatal-exception';
import { FrameworkError, isFrameworkError } from '../errors/framework-error';
import type { ModuleRegistry } from '../modules/module-registry';
import type { CreateEventProcessor, CreateEventSetupProvider } from '../scheduling/event-processor-contract';
import { parseCommandLine, programName } from './command-line';
import { applyParameterAssignments } from './parameter-assignments';
import { runJob } from './run-job';

/**
 * What alpaka-run needs from the rest of the framework, injected so the runner is tested with fakes and the
 * bin (alpaka-run.ts) wires the real ones: the configuration loader, the event processor and the module
 * descriptions.
 */
export interface AlpakaRunDependencies {
  /** Loads CONFIG with the configuration arguments; rejects with a FrameworkError (7001, 7002, 8009 …). */
  loadConfiguration(
    file: string,
    args: readonly string[],
  ): Promise<{ readonly description: ProcessDescription; readonly registry?: ModuleRegistry }>;
  createEventProcessor: CreateEventProcessor;
  /** The module types known without the configuration (plugin manifests); a loaded registry takes precedence. */
  readonly registry: ModuleRegistry;
  readonly createEventSetupProvider?: CreateEventSetupProvider;
  /** `--dump-config`: the expanded configuration as text (edmConfigDump). */
  formatConfiguration(description: ProcessDescription): string;
  /** Validates every module and inserts defaults (before dumping); rejects with the validation error (8009). */
  validateDescription?(description: ProcessDescription, registry: ModuleRegistry): Promise<void>;
  /** `--help-module TYPE`: the module's parameter description (edmPluginHelp). */
  describeModule(typeName: string, registry: ModuleRegistry): Promise<string>;
  /** `--list-modules`: every known module type. */
  listModules(registry: ModuleRegistry): Promise<readonly string[]>;
}

/** The clocks the timed window reads; injected so tests check the result line's numbers exactly. */
export interface JobClock {
  wallNanoseconds(): bigint;
  /** Process CPU time, user plus system, in microseconds (process.cpuUsage). */
  cpuMicroseconds(): number;
}

export interface AlpakaRunInputOutput {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether the progress stream (stderr) is a terminal: `--progress auto` draws a bar there. */
  readonly isTerminal: boolean;
  /** Wall-clock date for timestamps (progress lines, the fatal exception frame). */
  readonly now?: () => Date;
  readonly clock?: JobClock;
  /**
   * Aborted when the process catches SIGINT or SIGTERM: the processor takes no new event, endJob runs, and
   * the job ends with CaughtSignal (9000), as cmsRun does.
   */
  readonly abortSignal?: AbortSignal;
  /**
   * Calls the listener whenever the event loop runs empty (the bin passes process 'beforeExit'): a job still
   * waiting then can never finish, and ends with a message naming what it waits for. Returns a disconnect.
   */
  readonly onEventLoopIdle?: (listener: () => void) => () => void;
  /** What `-n 0` means: os.availableParallelism() by default. */
  readonly availableParallelism?: () => number;
}

export const systemClock: JobClock = {
  wallNanoseconds: () => process.hrtime.bigint(),
  cpuMicroseconds: () => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  },
};

/**
 * alpaka-run: cmsRun and pixeltrack's main in one. Parses the command line, answers --list-modules,
 * --help-module and --dump-config, or loads the configuration and runs the job; resolves to the exit code
 * (0, 7000 bad flags, 7001 no configuration, the FrameworkError's code otherwise), never rejects.
 */
export async function runAlpakaRun(
  argv: readonly string[],
  io: AlpakaRunInputOutput,
  dependencies: AlpakaRunDependencies,
): Promise<number> {
  const now = io.now ?? (() => new Date());
  const fail = (error: FrameworkError): number => {
    io.stderr.write(formatFatalException(error, now()));
    return error.exitCode;
  };
  const parsed = parseCommandLine(argv, io);
  if (parsed.kind === 'exit') return parsed.exitCode;
  const commandLine = parsed.commandLine;
  try {
    if (commandLine.listModules || commandLine.helpModule !== undefined) {
      // With a configuration, its own module types (process.registerModule, manifests beside it) count too.
      let registry = dependencies.registry;
      const file = commandLine.configurationFile;
      if (file !== undefined) {
        try {
          registry =
            (await dependencies.loadConfiguration(file, commandLine.configurationArguments)).registry ?? registry;
        } catch (error) {
          return fail(configurationError(error, file));
        }
      }
      if (commandLine.listModules) {
        for (const typeName of await dependencies.listModules(registry)) io.stdout.write(`${typeName}\n`);
        return 0;
      }
      const text = await dependencies.describeModule(commandLine.helpModule as string, registry);
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return 0;
    }
  } catch (error) {
    return fail(convertException(error));
  }

  const file = commandLine.configurationFile;
  if (file === undefined) {
    // cmsRun's wording (FWCore/Framework/bin/cmsRun.cpp), exit 7001.
    io.stderr.write(
      `${programName}: No configuration file given.\nFor usage and an options list, please do '${programName} --help'.\n`,
    );
    return edmErrorCodes.ConfigFileNotFound;
  }

  let loaded: Awaited<ReturnType<AlpakaRunDependencies['loadConfiguration']>>;
  try {
    loaded = await dependencies.loadConfiguration(file, commandLine.configurationArguments);
  } catch (error) {
    return fail(configurationError(error, file));
  }

  if (commandLine.parameterAssignments.length > 0) {
    // What the configuration has (or a splitting flag creates) first, so a required parameter such as
    // ArrowSource's fileNames may come from --inputFile; then validation inserts the declared defaults, and
    // --set reaches those too.
    try {
      const deferred = applyParameterAssignments(loaded.description, commandLine.parameterAssignments, {
        deferAbsent: true,
      });
      if (deferred.length > 0) {
        await dependencies.validateDescription?.(loaded.description, loaded.registry ?? dependencies.registry);
        applyParameterAssignments(loaded.description, deferred);
      }
    } catch (error) {
      return fail(convertException(error));
    }
  }

  if (commandLine.dumpConfig) {
    try {
      await dependencies.validateDescription?.(loaded.description, loaded.registry ?? dependencies.registry);
      const text = dependencies.formatConfiguration(loaded.description);
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return 0;
    } catch (error) {
      return fail(convertException(error));
    }
  }

  const failure = await runJob(commandLine, loaded, dependencies, {
    ...io,
    now,
    clock: io.clock ?? systemClock,
  });
  return failure === undefined ? 0 : fail(failure);
}

/**
 * A configuration that cannot be loaded: the loader's FrameworkError as it is (its code, e.g. 7001 for a
 * missing file, 7002 for a configuration that throws, 8035 from the configuration itself), anything else as
 * ConfigFileReadError (7002), as cmsRun treats a Python error.
 */
function configurationError(thrown: unknown, file: string): FrameworkError {
  const error = isFrameworkError(thrown)
    ? thrown
    : new FrameworkError(
        'ConfigFileReadError',
        `The configuration could not be loaded:\n${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}`,
        { cause: thrown },
      );
  const context = `Processing the configuration file named ${file}`;
  if (!error.hasContext(context)) error.addContext(context);
  return error;
}
