import { FrameworkError } from '../errors/framework-error';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { type PSetParameter, untracked } from './parameter-builders';
import { isPlainObject, ParameterContainer } from './parameter-container';
import type { ProcessOptions } from './process-description';
import { pythonError } from './python-errors';
import { isTypedParameter, parameterState } from './typed-parameter';

/**
 * `process.options` with CMSSW's defaults (Config.py's `defaultOptions_`, with the exception actions of both
 * older (SkipEvent, FailPath) and newer (TryToContinue) releases).
 */
export function defaultOptions(): PSetParameter {
  return untracked.PSet({
    numberOfThreads: untracked.uint32(1),
    numberOfStreams: untracked.uint32(0),
    numberOfConcurrentRuns: untracked.uint32(1),
    numberOfConcurrentLuminosityBlocks: untracked.uint32(0),
    eventSetup: untracked.PSet({
      numberOfConcurrentIOVs: untracked.uint32(0),
      forceNumberOfConcurrentIOVs: untracked.PSet({}),
    }),
    accelerators: untracked.vstring('*'),
    wantSummary: untracked.bool(false),
    fileMode: untracked.string('FULLMERGE'),
    forceEventSetupCacheClearOnNewRun: untracked.bool(false),
    throwIfIllegalParameter: untracked.bool(true),
    printDependencies: untracked.bool(false),
    deleteNonConsumedUnscheduledModules: untracked.bool(true),
    Rethrow: untracked.vstring(),
    TryToContinue: untracked.vstring(),
    SkipEvent: untracked.vstring(),
    FailPath: untracked.vstring(),
    IgnoreCompletely: untracked.vstring(),
    modulesToCallForTryToContinue: untracked.vstring(),
    canDeleteEarly: untracked.vstring(),
    holdsReferencesToDeleteEarly: untracked.VPSet(),
    modulesToIgnoreForDeleteEarly: untracked.vstring(),
    dumpOptions: untracked.bool(false),
  });
}

/** Options CMSSW knows without a default (Config.py's `optional.untracked…`). */
const optionalOptions = ['sizeOfStackForThreadsInKB'];

/** `process.maxEvents` with CMSSW's default: every event (`input = -1`). */
export function defaultMaxEvents(): PSetParameter {
  return untracked.PSet({ input: untracked.int32(-1) });
}

/**
 * A container that refuses names outside a known list (CMSSW validates the options and maxEvents PSets
 * against their descriptions; refusing at assignment names the line at fault).
 */
class KnownParameterContainer extends ParameterContainer {
  readonly #known: readonly string[];
  readonly #what: string;
  constructor(known: readonly string[], what: string) {
    super();
    this.#known = known;
    this.#what = what;
  }
  override assign(name: string, value: unknown): void {
    if (!this.#known.includes(name)) {
      throw new FrameworkError(
        'Configuration',
        `Illegal parameter found in configuration.  The parameter is named:\n '${name}'\n` +
          `${this.#what} knows only: ${this.#known.join(', ')}.`,
      );
    }
    // A typed parameter of another type or trackiness than the option's (an int32 for an untracked uint32)
    // gives it its value, checked, so the options keep CMSSW's types whichever way they are written.
    const existing = this.get(name);
    const nested = existing?.[parameterState].value;
    if (nested instanceof ParameterContainer && isTypedParameter(value) && value.type_() === 'PSet') {
      // A nested PSet (eventSetup) merges over its defaults too.
      for (const [nestedName, parameter] of (value[parameterState].value as ParameterContainer).parameters) {
        nested.assign(nestedName, parameter);
      }
      return;
    }
    const differs =
      existing !== undefined &&
      isTypedParameter(value) &&
      (value.type_() !== existing.type_() || value.isTracked() !== existing.isTracked());
    if (existing !== undefined && differs) {
      existing.setValue(value.value(), name);
      return;
    }
    super.assign(name, value);
  }
}

/** Turns the defaults into a PSet whose container refuses unknown names. */
function restricted(defaults: PSetParameter, extraNames: readonly string[], what: string): PSetParameter {
  const state = defaults[parameterState];
  const original = state.value as ParameterContainer;
  const container = new KnownParameterContainer([...original.names(), ...extraNames], what);
  for (const [name, parameter] of original.parameters) container.parameters.set(name, parameter);
  state.value = container;
  return defaults;
}

export function newOptions(): PSetParameter {
  return restricted(defaultOptions(), optionalOptions, 'process.options');
}

export function newMaxEvents(): PSetParameter {
  return restricted(defaultMaxEvents(), ['output'], 'process.maxEvents');
}

/**
 * Python's `__updateOptions`/`__updateMaxEvents`: a PSet (or a plain object) assigned to `process.options`
 * is merged over the defaults, entry by entry, as if each were assigned.
 */
export function mergeOverDefaults(fresh: PSetParameter, assigned: unknown, what: string): PSetParameter {
  const target = fresh[parameterState].value as ParameterContainer;
  if (isPlainObject(assigned)) {
    for (const [name, value] of Object.entries(assigned)) target.assign(name, value);
    return fresh;
  }
  if (!isTypedParameter(assigned) || assigned.type_() !== 'PSet') {
    throw pythonError('TypeError', `${what} must be a cms.untracked.PSet (or an object of its entries).`);
  }
  const given = assigned[parameterState].value as ParameterContainer;
  for (const [name, parameter] of given.parameters) target.assign(name, parameter);
  return fresh;
}

/** The typed options the framework reads, from the options PSet. */
export function toProcessOptions(parameters: ParameterSet): ProcessOptions {
  const read = <T>(name: string, fallback: T): T => {
    const entry = parameters.entry(name);
    return entry === undefined ? fallback : (entry.value as T);
  };
  const list = (name: string): readonly string[] => read<readonly string[]>(name, []);
  return {
    numberOfThreads: read('numberOfThreads', 1),
    numberOfStreams: read('numberOfStreams', 0),
    accelerators: read<readonly string[]>('accelerators', ['*']),
    wantSummary: read('wantSummary', false),
    exceptionActions: {
      tryToContinue: list('TryToContinue'),
      skipEvent: list('SkipEvent'),
      failPath: list('FailPath'),
      ignoreCompletely: list('IgnoreCompletely'),
      rethrow: list('Rethrow'),
    },
    parameters,
  };
}
