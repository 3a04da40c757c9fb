import { type LoadBackendOptions, probeBackend, registeredBackends } from '@alpaka-ts/interface';
import { ProcessAccelerator } from '../configuration/process-accelerator';
import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import { alpakaServiceName, alpakaServiceSettings, defaultAlpakaService } from './alpaka-service';
import { applyAlpakaService } from './apply-alpaka-service';
import {
  type AlpakaBackendChoice,
  builtInAlpakaBackends,
  ModuleTypeResolverAlpaka,
  validAlpakaBackends,
} from './module-type-resolver-alpaka';

export interface ProcessAcceleratorAlpakaOptions {
  /** Where the backend packages are looked up from (probeBackend's `from`); default the working directory. */
  readonly from?: LoadBackendOptions['from'];
}

/**
 * CMSSW's ProcessAcceleratorAlpaka (HeterogeneousCore/AlpakaCore/python/ProcessAcceleratorAlpaka.py):
 * `process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka()` makes `Name@alpaka` modules run on the
 * best backend the job may use. Unlike CMSSW's, which relies on ProcessAcceleratorCUDA and friends, it probes
 * the backends itself (serial_sync, cuda_async, rocm_async, and every registered backend) for enabledLabels().
 */
export class ProcessAcceleratorAlpaka extends ProcessAccelerator {
  #backend: string | undefined;
  #synchronize = false;
  #probed: Promise<string[]> | undefined;
  readonly #options: ProcessAcceleratorAlpakaOptions;

  constructor(options: ProcessAcceleratorAlpakaOptions = {}) {
    super();
    this.#options = options;
  }

  /** The backend every `@alpaka` module without an explicit one uses; 8035 at start-up if it is not valid. */
  setBackend(backend: string): void {
    this.#backend = backend;
  }

  /** The `alpaka.synchronize` of modules that do not set it (default false). */
  setSynchronize(synchronize: boolean): void {
    this.#synchronize = synchronize;
  }

  labels(): string[] {
    const labels = new Set(builtInAlpakaBackends.map((backend) => backend.accelerator));
    for (const backend of registeredBackends()) labels.add(backend.accelerator);
    return [...labels];
  }

  /** The accelerators of the backends that are installed and usable here, probed once for this process. */
  enabledLabels(): Promise<string[]> {
    this.#probed ??= this.#probe();
    return this.#probed;
  }

  async #probe(): Promise<string[]> {
    const names = new Set([...builtInAlpakaBackends.map((backend) => backend.name)]);
    for (const backend of registeredBackends()) names.add(backend.name);
    const labels = new Set<string>();
    for (const name of names) {
      const status = await probeBackend(name, this.#options.from === undefined ? {} : { from: this.#options.from });
      if (status.available && status.backend !== undefined) labels.add(status.backend.accelerator);
    }
    return [...labels];
  }

  override moduleTypeResolver(selected: readonly string[], description: ProcessDescription): ModuleTypeResolverAlpaka {
    const otherBackends = thirdPartyBackends();
    const disabledBackends = new Set(
      validAlpakaBackends(selected, { otherBackends }).filter(
        (name) => !alpakaServiceSettings(description, name).enabled,
      ),
    );
    return new ModuleTypeResolverAlpaka(selected, this.#backend, this.#synchronize, {
      otherBackends,
      disabledBackends,
    });
  }

  /** Python's apply(): an AlpakaService for every backend the accelerators allow, none for the others. */
  override apply(description: ProcessDescription, selected: readonly string[]): ProcessDescription {
    const otherBackends = thirdPartyBackends();
    const valid = new Set(validAlpakaBackends(selected, { otherBackends }));
    const every = [...builtInAlpakaBackends, ...otherBackends].map((backend) => backend.name);
    const serviceBackend = new Map(every.map((name) => [alpakaServiceName(name), name]));
    const services: ModuleDescription[] = [];
    for (const service of description.services ?? []) {
      const backend = serviceBackend.get(service.type);
      if (backend === undefined || valid.has(backend)) services.push(service);
    }
    for (const name of valid) {
      if (!services.some((service) => service.type === alpakaServiceName(name)))
        services.push(defaultAlpakaService(name));
    }
    const applied = { ...description, services };
    for (const name of valid) applyAlpakaService(applied, name);
    return applied;
  }

  override dumpConfiguration(variable: string) {
    const statements = [`const ${variable} = new ProcessAcceleratorAlpaka();`];
    if (this.#backend !== undefined) statements.push(`${variable}.setBackend(${JSON.stringify(this.#backend)});`);
    if (this.#synchronize) statements.push(`${variable}.setSynchronize(true);`);
    return { importStatement: "import { ProcessAcceleratorAlpaka } from '@alpaka-ts/core/alpaka';", statements };
  }
}

/** The registered backends CMSSW does not know, as the resolver needs them. */
function thirdPartyBackends(): AlpakaBackendChoice[] {
  return registeredBackends()
    .filter((backend) => !builtInAlpakaBackends.some((known) => known.name === backend.name))
    .map((backend) => ({ name: backend.name, accelerator: backend.accelerator }));
}
