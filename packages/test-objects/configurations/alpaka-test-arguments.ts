// The command-line options of HeterogeneousCore/AlpakaTest's configurations (their argparse), read with
// commander from the arguments alpaka-run hands the configuration (`alpaka-run testAlpakaModules.ts --
// --moduleBackend=serial_sync`), and the backend the job will pick, which the analyzers' expectations follow.
import { configurationArguments } from '@alpaka-ts/core';
import { backendIdentityOf, type ProcessAcceleratorAlpaka, validAlpakaBackends } from '@alpaka-ts/core/alpaka';
import { Command, InvalidArgumentError } from 'commander';

export interface AlpakaTestArguments {
  readonly accelerators: readonly string[];
  readonly moduleBackend: string;
  readonly processAcceleratorBackend: string;
  /** The backend the analyzers expect (`serial_sync`, `cuda_async`, `rocm_async`); undefined when not given. */
  readonly expectBackend: string | undefined;
  readonly moduleSynchronize: boolean;
  readonly processAcceleratorSynchronize: boolean;
  readonly run: number;
  /** The writer's output and the reader's input (an Arrow folder, arrow-io's ArrowOutputModule). */
  readonly fileName: string;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a positive integer is needed.');
  return parsed;
}

/** Parses the configuration's arguments; a mistake fails the load (ConfigFileReadError) with commander's message. */
export function parseAlpakaTestArguments(program: string, description: string): AlpakaTestArguments {
  const command = new Command(program)
    .description(description)
    .option(
      '--accelerators <list>',
      'Set process.options.accelerators (comma-separated string, default is to use default)',
      '',
    )
    .option('--moduleBackend <backend>', 'Set Alpaka backend via module instances', '')
    .option('--processAcceleratorBackend <backend>', 'Set Alpaka backend via ProcessAcceleratorAlpaka', '')
    .option('--expectBackend <backend>', 'Expect this backend to run')
    .option('--moduleSynchronize', 'Set synchronize parameter via module instances', false)
    .option('--processAcceleratorSynchronize', 'Set synchronize parameter via ProcessAcceleratorAlpaka', false)
    .option('--run <number>', 'Run number (default: 1)', positiveInteger, 1)
    .option('--fileName <folder>', 'The Arrow output the writer writes and the reader reads', 'test.arrow')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  command.parse([...configurationArguments()], { from: 'user' });
  const options = command.opts<{
    accelerators: string;
    moduleBackend: string;
    processAcceleratorBackend: string;
    expectBackend?: string;
    moduleSynchronize: boolean;
    processAcceleratorSynchronize: boolean;
    run: number;
    fileName: string;
  }>();
  return {
    accelerators: options.accelerators === '' ? [] : options.accelerators.split(','),
    moduleBackend: options.moduleBackend,
    processAcceleratorBackend: options.processAcceleratorBackend,
    expectBackend: options.expectBackend,
    moduleSynchronize: options.moduleSynchronize,
    processAcceleratorSynchronize: options.processAcceleratorSynchronize,
    run: options.run,
    fileName: options.fileName,
  };
}

/**
 * The backend the analyzers expect: --expectBackend, else the one the job is told to use (--moduleBackend,
 * --processAcceleratorBackend), else the one ProcessAcceleratorAlpaka will pick among the accelerators this
 * machine has and the job allows. CMSSW's configuration expects serial_sync unless told otherwise, which is
 * what this gives on a machine without a GPU; on a GPU machine the plain command expects cuda_async, so one
 * command checks the default backend everywhere.
 */
export async function expectedBackend(
  args: AlpakaTestArguments,
  accelerator: ProcessAcceleratorAlpaka,
): Promise<string> {
  if (args.expectBackend !== undefined) return args.expectBackend;
  if (args.moduleBackend !== '') return args.moduleBackend;
  if (args.processAcceleratorBackend !== '') return args.processAcceleratorBackend;
  const enabled = await accelerator.enabledLabels();
  const allowed =
    args.accelerators.length === 0 ? enabled : enabled.filter((label) => args.accelerators.includes(label));
  return validAlpakaBackends(allowed)[0] ?? 'serial_sync';
}

/** CMSSW's name of a backend's enum value, what TestAlpakaAnalyzer's expectBackend takes: cuda_async → CudaAsync. */
export function backendTypeName(backend: string): string {
  const identity = backendIdentityOf(backend);
  if (identity === undefined) throw new Error(`--expectBackend: unknown backend '${backend}'.`);
  return identity.typeSuffix;
}

/** A per-backend PSet (CMSSW's `size = cms.PSet(alpaka_serial_sync = …, …)`) and what it gives on a backend. */
export type PerBackend<T> = Readonly<Record<`alpaka_${'serial_sync' | 'cuda_async' | 'rocm_async'}`, T>>;

export function valueOn<T>(values: PerBackend<T>, backend: string): T {
  const value = (values as Readonly<Record<string, T>>)[`alpaka_${backend}`];
  if (value === undefined) throw new Error(`no value for the backend '${backend}' in ${JSON.stringify(values)}.`);
  return value;
}
