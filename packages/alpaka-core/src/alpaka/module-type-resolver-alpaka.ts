import { registeredBackends } from '@alpaka-ts/interface';
import type { ModuleTypeResolver } from '../configuration/process-accelerator';
import type { ModuleDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import { ParameterSet } from '../parameter-set/parameter-set';

/** A backend as the resolver needs it: its alpaka name and the accelerator label it runs on. */
export interface AlpakaBackendChoice {
  readonly name: string;
  readonly accelerator: string;
}

/** The backends CMSSW knows, in its order of preference, each with its accelerator. */
export const builtInAlpakaBackends: readonly AlpakaBackendChoice[] = [
  { name: 'cuda_async', accelerator: 'gpu-nvidia' },
  { name: 'rocm_async', accelerator: 'gpu-amd' },
  { name: 'serial_sync', accelerator: 'cpu' },
];

export interface ModuleTypeResolverAlpakaOptions {
  /** Third-party backends (registered or installed), tried after rocm_async; those on `cpu` after serial_sync. */
  readonly otherBackends?: readonly AlpakaBackendChoice[];
  /** Backends whose AlpakaService is disabled: not valid for the job. */
  readonly disabledBackends?: ReadonlySet<string>;
}

/**
 * The backends valid for the job, in order (the first is the default): cuda_async for gpu-nvidia, rocm_async
 * for gpu-amd, then third-party backends whose accelerator is selected, then serial_sync for cpu (CMSSW's
 * ModuleTypeResolverAlpaka, extended to backends CMSSW does not have).
 */
export function validAlpakaBackends(
  accelerators: readonly string[],
  options: ModuleTypeResolverAlpakaOptions = {},
): string[] {
  const others = (options.otherBackends ?? []).filter(
    (other) => !builtInAlpakaBackends.some((known) => known.name === other.name),
  );
  const ordered = [
    ...builtInAlpakaBackends.slice(0, 2),
    ...others.filter((other) => other.accelerator !== 'cpu'),
    builtInAlpakaBackends[2] as AlpakaBackendChoice,
    ...others.filter((other) => other.accelerator === 'cpu'),
  ];
  return ordered
    .filter(
      (backend) => accelerators.includes(backend.accelerator) && options.disabledBackends?.has(backend.name) !== true,
    )
    .map((backend) => backend.name);
}

/**
 * CMSSW's ModuleTypeResolverAlpaka (python/ProcessAcceleratorAlpaka.py): chooses the backends valid for the
 * job's accelerators, with setBackend's choice first, and gives each `Name@alpaka` module its untracked
 * `alpaka` PSet (backend, synchronize) and its type `alpaka_<backend>::Name` (the C++ resolveType). Every
 * impossible choice is UnavailableAccelerator (8035) with CMSSW's message.
 */
export class ModuleTypeResolverAlpaka implements ModuleTypeResolver {
  readonly validBackends: readonly string[];
  readonly #synchronize: boolean;

  constructor(
    accelerators: readonly string[],
    backend: string | undefined,
    synchronize: boolean,
    options: ModuleTypeResolverAlpakaOptions = {},
  ) {
    const valid = validAlpakaBackends(accelerators, options);
    if (valid.length === 0) {
      throw new FrameworkError(
        'UnavailableAccelerator',
        `ModuleTypeResolverAlpaka had no backends available because of the combination of the job configuration and accelerator availability of on the machine. The job sees ${accelerators.join(', ')} accelerators.${disabledNote(options.disabledBackends)}`,
      );
    }
    if (backend !== undefined) {
      if (!valid.includes(backend)) {
        throw new FrameworkError(
          'UnavailableAccelerator',
          `The ProcessAcceleratorAlpaka was configured to use ${backend} backend, but that backend is not available because of the combination of the job configuration and accelerator availability on the machine. The job was configured to use ${accelerators.join(', ')} accelerators, which translates to ${valid.join(', ')} Alpaka backends.`,
        );
      }
      valid.splice(valid.indexOf(backend), 1);
      valid.unshift(backend);
    }
    this.validBackends = valid;
    this.#synchronize = synchronize;
  }

  /** Python's plugin(): the C++ resolver's name. */
  plugin(): string {
    return 'ModuleTypeResolverAlpaka';
  }

  /** Python's setModuleVariant, then the C++ resolveType; modules whose type does not end in `@alpaka` pass. */
  setModuleVariant(module: ModuleDescription): ModuleDescription {
    if (!module.type.endsWith('@alpaka')) {
      this.#checkExplicitBackend(module);
      return module;
    }
    const defaultBackend = this.validBackends[0] as string;
    const parameters = module.parameters.clone();
    const existing = parameters.entry('alpaka');
    const alpaka = existing?.type === 'PSet' ? (existing.value as ParameterSet) : new ParameterSet();
    const backend = alpaka.entry('backend');
    if (backend === undefined || backend.value === '') {
      alpaka.addUntrackedParameter('backend', 'string', defaultBackend);
    } else if (!this.validBackends.includes(String(backend.value))) {
      throw new FrameworkError(
        'UnavailableAccelerator',
        `Module ${module.label} has the Alpaka backend set explicitly, but its accelerator is not available for the job because of the combination of the job configuration and accelerator availability on the machine. The following Alpaka backends are available for the job ${this.validBackends.join(', ')}.`,
      );
    }
    if (!alpaka.exists('synchronize')) alpaka.addUntrackedParameter('synchronize', 'bool', this.#synchronize);
    parameters.insert('alpaka', { type: 'PSet', tracked: false, value: alpaka });
    return { ...module, type: resolveAlpakaModuleType(module.type, parameters), parameters };
  }

  /**
   * An explicit `alpaka_<backend>::Name` bypasses the resolver, but not the job's accelerators: in CMSSW its
   * backend's AlpakaService is absent when the accelerator is not selected, so the module cannot run. The same
   * choice is refused here before anything runs on a backend the job excluded.
   */
  #checkExplicitBackend(module: ModuleDescription): void {
    const match = /^alpaka_([A-Za-z0-9_]+)::/.exec(module.type);
    const backend = match?.[1];
    if (backend === undefined || this.validBackends.includes(backend)) return;
    const known =
      builtInAlpakaBackends.some((choice) => choice.name === backend) ||
      registeredBackends().some((registered) => registered.name === backend);
    if (!known) return;
    throw new FrameworkError(
      'UnavailableAccelerator',
      `Module ${module.label} has the type ${module.type}, whose Alpaka backend ${backend} is not available for the job because of the combination of the job configuration and accelerator availability on the machine. The following Alpaka backends are available for the job ${this.validBackends.join(', ')}.`,
    );
  }
}

/**
 * The C++ ModuleTypeResolverAlpaka::resolveType: `@alpaka` in the type name becomes the prefix
 * `alpaka_<backend>::` from the module's untracked `alpaka.backend`; other names (explicit
 * `alpaka_serial_sync::Name`) pass unchanged. An `@alpaka` type without that PSet is CMSSW's LogicError.
 */
export function resolveAlpakaModuleType(basename: string, modulePSet: ParameterSet): string {
  const found = basename.indexOf('@alpaka');
  if (found === -1) return basename;
  let prefix = '';
  if (modulePSet.existsAs('alpaka', 'PSet', false)) {
    const alpaka = modulePSet.getUntrackedParameter<ParameterSet>('alpaka');
    prefix = `alpaka_${alpaka.getUntrackedParameter<string>('backend')}::`;
  }
  if (prefix === '') {
    throw new FrameworkError(
      'LogicError',
      `AlpakaModuleTypeResolver encountered a module with type name ${basename} but the backend prefix was empty. This should not happen. Please contact framework developers.`,
    );
  }
  return prefix + basename.slice(0, found) + basename.slice(found + '@alpaka'.length);
}

/** Said after CMSSW's text when a backend is out only because its AlpakaService has `enabled = false`. */
function disabledNote(disabled: ReadonlySet<string> | undefined): string {
  if (disabled === undefined || disabled.size === 0) return '';
  return ` The AlpakaService of ${[...disabled].join(', ')} is disabled (enabled = false) in the configuration.`;
}
